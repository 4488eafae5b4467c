package mx.cocreacion.reminder;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Due dates of user tasks ({@code cocreacion.due-dates}): an ISO 8601 duration per task key,
 * counted from the moment the task is created, and a default for keys not listed.
 */
@ConfigurationProperties("cocreacion.due-dates")
public record DueDateProperties(String defaultDuration, Map<String, String> tasks) {

  public DueDateProperties {
    defaultDuration = defaultDuration == null ? "P14D" : defaultDuration;
    tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
  }
}
