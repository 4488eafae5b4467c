package mx.cocreacion.security;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A person asked the engine for something their role does not allow ({@link EndUserGuard}): the
 * command is refused before it runs, so nothing changes. REST answers it with {@link #status()} and
 * the Spanish message ({@link RefusalExceptionMapper}). It is an {@link AuthorizationException}, so
 * callers that already handle those (Camunda's own resources, the project's controllers) keep working.
 */
public class Refusal extends AuthorizationException {

  /** 403: the person may not do this. */
  public static final int FORBIDDEN = 403;
  /** 404: the person cannot see the object (the same answer as for an unknown id). */
  public static final int NOT_FOUND = 404;
  /** 409: not now (e.g. the task was completed: its files are public evidence). */
  public static final int CONFLICT = 409;
  /** 400: the request itself breaks a rule (e.g. an attachment name too long). */
  public static final int BAD_REQUEST = 400;

  private final int status;

  public Refusal(int status, String message) {
    super(message);
    this.status = status;
  }

  public static Refusal forbidden(String message) {
    return new Refusal(FORBIDDEN, message);
  }

  public static Refusal notFound() {
    return new Refusal(NOT_FOUND, TenantCheckExceptionMapper.MESSAGE);
  }

  public int status() {
    return status;
  }
}
