package mx.cocreacion.validation;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import mx.cocreacion.completion.ValidationExceptionMapper;

/**
 * A task completion or a start that breaks a rule of the contract. Thrown inside the engine
 * command, so the transaction rolls back: the task stays open and nothing is stored. The REST
 * layer answers it with HTTP 400 and this message (see {@link ValidationExceptionMapper}).
 */
public class ValidationException extends RuntimeException {

  private final List<Violation> violations;

  public ValidationException(String what, List<Violation> violations) {
    this(what, violations, Function.identity());
  }

  /**
   * A refusal whose message names each field as the person reads it ({@code label}, e.g. the field's label
   * in its form, {@link FormLabels}); the violations keep the keys for REST clients.
   */
  public ValidationException(String what, List<Violation> violations, Function<String, String> label) {
    super(message(what, violations, label));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> getViolations() {
    return violations;
  }

  private static String message(String what, List<Violation> violations, Function<String, String> label) {
    return "No se pudo " + what + ": "
        + violations.stream().map(v -> label.apply(v.field()) + ": " + v.message()).collect(Collectors.joining("; "));
  }
}
