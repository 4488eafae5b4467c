package mx.cocreacion.tenancy;

/** An entidad federativa: its tenant id (ISO 3166-2:MX code without {@code MX-}, lowercase) and name. */
public record Entity(String code, String name) {}
