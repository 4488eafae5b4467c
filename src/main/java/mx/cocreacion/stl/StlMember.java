package mx.cocreacion.stl;

/** A member of the STL of one exercise: titular or suplente of a sector, with their account. */
public record StlMember(int position, String name, String email, String sector, String role, String userId) {}
