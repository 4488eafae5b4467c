package mx.cocreacion.pal;

import static mx.cocreacion.pal.PalLaunchProcess.*;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * schedule-pal: the PAL is valid at least one year ({@code palEnd} ≥ {@code palStart} + 1 year);
 * more than two years needs a {@code durationJustification} (seed step 5).
 */
@Component
class SchedulePalCompletion implements TaskCompletion {

  @Override
  public String taskKey() {
    return TASK_SCHEDULE_PAL;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_PAL_START, VAR_PAL_END, VAR_DURATION_JUSTIFICATION);
  }

  @Override
  public void validate(TaskInput input) {
    Instant start = input.date(VAR_PAL_START);
    Instant end = input.date(VAR_PAL_END);
    String justification = input.optionalText(VAR_DURATION_JUSTIFICATION, TaskInput.TEXT);
    if (start == null || end == null) {
      return;
    }
    ZonedDateTime startDay = start.atZone(Dates.MEXICO);
    if (end.isBefore(startDay.plusYears(1).toInstant())) {
      input.reject(VAR_PAL_END, "el PAL debe tener una vigencia de al menos un año: la fecha de fin debe ser igual o "
          + "posterior al " + Dates.localDate(startDay.plusYears(1).toInstant()));
    } else if (end.isAfter(startDay.plusYears(2).toInstant()) && justification == null && input.isValid()) {
      input.reject(VAR_DURATION_JUSTIFICATION,
          "es obligatoria cuando la vigencia del PAL supera dos años: explique por qué");
    }
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    task.setVariable(VAR_PAL_START, TaskInput.toDate(input.date(VAR_PAL_START)));
    task.setVariable(VAR_PAL_END, TaskInput.toDate(input.date(VAR_PAL_END)));
  }
}
