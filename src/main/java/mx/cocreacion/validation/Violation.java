package mx.cocreacion.validation;

/** A broken rule: the field (path such as {@code stlMembers[2].email}, 1-based) and a Spanish message. */
public record Violation(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
