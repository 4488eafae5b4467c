package mx.cocreacion.followup;

import static mx.cocreacion.followup.CommitmentImplementationProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import mx.cocreacion.plan.Amendment;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.Commitments;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;
import mx.cocreacion.validation.TextRules;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The amendment a progress report may propose (part of {@code report-progress}'s validation): its kind, the
 * activity it changes or the one it adds, and the reason. Every amendment field needs a kind; each kind takes
 * its own fields only. Dates fall after today and within the PAL; an activity moved or corrected is one of the
 * commitment's, not concluded, and really changes.
 */
final class AmendmentProposal {

  static final Set<String> FIELDS = Set.of(VAR_AMENDMENT_KIND, VAR_AMENDED_ACTIVITY, VAR_NEW_ACTIVITY_TITLE,
      VAR_NEW_ACTIVITY_PRODUCT, VAR_NEW_ACTIVITY_INDICATOR, VAR_NEW_ACTIVITY_BASELINE, VAR_NEW_ACTIVITY_TARGET,
      VAR_NEW_ACTIVITY_DUE_DATE, VAR_NEW_DUE_DATE,
      VAR_NEW_INDICATOR, VAR_AMENDMENT_REASON);

  private static final Set<String> ADD = Set.of(VAR_NEW_ACTIVITY_TITLE, VAR_NEW_ACTIVITY_PRODUCT,
      VAR_NEW_ACTIVITY_INDICATOR, VAR_NEW_ACTIVITY_BASELINE, VAR_NEW_ACTIVITY_TARGET, VAR_NEW_ACTIVITY_DUE_DATE);
  private static final Set<String> MOVE = Set.of(VAR_AMENDED_ACTIVITY, VAR_NEW_DUE_DATE);
  private static final Set<String> CORRECT = Set.of(VAR_AMENDED_ACTIVITY, VAR_NEW_INDICATOR);

  /** A valid proposal: what to record. */
  record Proposal(String kind, int activity, Amendment.Change change, String reason) {}

  private AmendmentProposal() {}

  /**
   * The proposal in {@code input}, if the report carries one; violations go into {@code input}. {@code current}
   * is the commitment as the plan of record has it, {@code palEnd} the PAL's last day.
   */
  static Optional<Proposal> read(TaskInput input, Commitment current, LocalDate palEnd) {
    Object kindValue = input.raw(VAR_AMENDMENT_KIND);
    if (kindValue == null || (kindValue instanceof String s && s.isBlank())) {
      FIELDS.stream().sorted().filter(f -> present(input, f)).forEach(f -> input.reject(f,
          "solo se envía al proponer una modificación (indique el tipo de modificación)"));
      return Optional.empty();
    }
    String kind = input.oneOf(VAR_AMENDMENT_KIND, Amendment.KINDS);
    String reason = input.text(VAR_AMENDMENT_REASON, TaskInput.TEXT);
    if (kind == null) {
      return Optional.empty();
    }
    Set<String> own = switch (kind) {
      case Amendment.ADD_ACTIVITY -> ADD;
      case Amendment.MOVE_DUE_DATE -> MOVE;
      default -> CORRECT;
    };
    FIELDS.stream().sorted().filter(f -> !own.contains(f) && !VAR_AMENDMENT_KIND.equals(f)
            && !VAR_AMENDMENT_REASON.equals(f) && present(input, f))
        .forEach(f -> input.reject(f, "no corresponde a «" + Amendment.kindLabel(kind) + "»"));
    LocalDate today = Dates.localDate(ClockUtil.getCurrentTime().toInstant());
    Proposal proposal = switch (kind) {
      case Amendment.ADD_ACTIVITY -> {
        String title = input.text(VAR_NEW_ACTIVITY_TITLE, TaskInput.LINE);
        String product = input.text(VAR_NEW_ACTIVITY_PRODUCT, TaskInput.LINE);
        String indicator = input.text(VAR_NEW_ACTIVITY_INDICATOR, TaskInput.LINE);
        String baseline = input.optionalText(VAR_NEW_ACTIVITY_BASELINE, TaskInput.LINE);
        String target = input.text(VAR_NEW_ACTIVITY_TARGET, TaskInput.LINE);
        LocalDate due = futureDate(input, VAR_NEW_ACTIVITY_DUE_DATE, today, palEnd);
        if (current.activities().size() >= Commitments.MAX_ACTIVITIES) {
          input.reject(VAR_AMENDMENT_KIND, "el compromiso ya tiene " + current.activities().size()
              + " actividades, el máximo");
        }
        int next = current.activities().stream().mapToInt(Commitment.Activity::position).max().orElse(0) + 1;
        yield new Proposal(kind, next, new Amendment.Change(title, product, indicator, baseline, target, due, null, null), reason);
      }
      case Amendment.MOVE_DUE_DATE -> {
        Commitment.Activity activity = activity(input, current);
        LocalDate due = futureDate(input, VAR_NEW_DUE_DATE, today, palEnd);
        if (activity != null && due != null && due.equals(activity.dueDate())) {
          input.reject(VAR_NEW_DUE_DATE, "es la fecha que ya tiene la actividad " + activity.position()
              + " (" + MexicanDates.longDate(due) + ")");
        }
        yield activity == null ? null : new Proposal(kind, activity.position(),
            new Amendment.Change(activity.label(), null, null, null, null, due, null, activity.dueDate()), reason);
      }
      default -> {
        Commitment.Activity activity = activity(input, current);
        String indicator = input.text(VAR_NEW_INDICATOR, TaskInput.LINE);
        if (activity != null && indicator != null && indicator.equals(activity.indicator())) {
          input.reject(VAR_NEW_INDICATOR, "es el indicador que ya tiene la actividad " + activity.position());
        }
        yield activity == null ? null : new Proposal(kind, activity.position(),
            new Amendment.Change(activity.label(), null, indicator, null, null, null, activity.indicator(), null), reason);
      }
    };
    return input.isValid() ? Optional.ofNullable(proposal) : Optional.empty();
  }

  /** The activity named by {@code amendedActivity}: one of the commitment's, not concluded. */
  private static Commitment.Activity activity(TaskInput input, Commitment current) {
    Object value = input.raw(VAR_AMENDED_ACTIVITY);
    String text = value == null ? null : value.toString().trim();
    if (text == null || text.isEmpty()) {
      input.reject(VAR_AMENDED_ACTIVITY, "es obligatoria: elija la actividad que cambia");
      return null;
    }
    List<Commitment.Activity> activities = current.activities();
    Commitment.Activity found = text.matches("\\d{1,4}") ? activities.stream()
        .filter(a -> a.position() == Integer.parseInt(text)).findFirst().orElse(null) : null;
    if (found == null) {
      input.reject(VAR_AMENDED_ACTIVITY, "«" + TextRules.excerpt(text) + "» no es una actividad de este compromiso (1 a "
          + activities.size() + ")");
      return null;
    }
    if (STATUS_DONE.equals(found.status())) {
      input.reject(VAR_AMENDED_ACTIVITY, "la actividad " + found.position() + " ya concluyó: no se modifica");
      return null;
    }
    return found;
  }

  private static LocalDate futureDate(TaskInput input, String field, LocalDate today, LocalDate palEnd) {
    Instant value = input.date(field);
    if (value == null) {
      return null;
    }
    LocalDate date = Dates.localDate(value);
    if (date.isBefore(today)) {
      input.reject(field, "no puede ser anterior a hoy (" + MexicanDates.longDate(today) + ")");
    } else if (palEnd != null && date.isAfter(palEnd)) {
      input.reject(field, "no puede ser posterior al fin de la vigencia del PAL (" + MexicanDates.longDate(palEnd) + ")");
    }
    return date;
  }

  private static boolean present(TaskInput input, String field) {
    Object value = input.raw(field);
    return value != null && !(value instanceof String s && s.isBlank());
  }
}
