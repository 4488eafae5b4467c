package mx.cocreacion.completion;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A task completion or a start that breaks a rule of the contract. Thrown inside the engine
 * command, so the transaction rolls back: the task stays open and nothing is stored. The REST
 * layer answers it with HTTP 400 and this message (see {@link ValidationExceptionMapper}).
 */
public class ValidationException extends RuntimeException {

  private final List<Violation> violations;

  public ValidationException(String what, List<Violation> violations) {
    super(message(what, violations));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> getViolations() {
    return violations;
  }

  private static String message(String what, List<Violation> violations) {
    return "No se pudo " + what + ": "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
