package mx.cocreacion.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import mx.cocreacion.validation.ValidationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call is refused by the contract's validation, with a message naming the field. */
public final class Refusals {

  private Refusals() {}

  public static ValidationException refused(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("the call should have been refused").isNotNull();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ValidationException v) {
        return v;
      }
    }
    throw new AssertionError("Refused, but not by validation: " + thrown, thrown);
  }

  public static void assertRefused(ThrowingCallable call, String field, String messagePart) {
    ValidationException e = refused(call);
    assertThat(e.getViolations()).anySatisfy(v -> {
      assertThat(v.field()).isEqualTo(field);
      assertThat(v.message()).contains(messagePart);
    });
    assertThat(e.getMessage()).startsWith("No se pudo");
  }
}
