package mx.cocreacion.operations;

import java.util.Map;

/**
 * Names the implementation of two JDK/Jakarta service interfaces that libraries look up on every
 * use, so the lookup takes its fast path (a system property and a class already loaded) instead of
 * scanning every jar of the class path with a {@link java.util.ServiceLoader}:
 *
 * <ul>
 *   <li>{@code jakarta.mail.util.StreamProvider}: Jakarta Mail finds it on each header it encodes or
 *       decodes and on each body it writes (jakartaee/mail-api#861); in the Spring Boot jar that was
 *       about a sixth of a reminder job's CPU (measured with {@code ./bench --jfr}).
 *   <li>{@code javax.xml.datatype.DatatypeFactory}: Camunda creates one for every timer it schedules
 *       (the next reminder of each task).
 * </ul>
 *
 * <p>The implementations named are the ones the lookup finds anyway (Angus Mail, the JDK's). A value
 * set on the command line ({@code -D...}) wins.
 */
public final class ServiceLookups {

  static final Map<String, String> PROVIDERS = Map.of(
      "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider",
      "javax.xml.datatype.DatatypeFactory", "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");

  private ServiceLookups() {}

  /** Sets each property that is not set yet, if its class is there. */
  public static void pin() {
    PROVIDERS.forEach((service, implementation) -> {
      if (System.getProperty(service) == null && present(implementation)) {
        System.setProperty(service, implementation);
      }
    });
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, ServiceLookups.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
