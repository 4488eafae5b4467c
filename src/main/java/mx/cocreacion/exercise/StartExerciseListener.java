package mx.cocreacion.exercise;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import mx.cocreacion.tenancy.EntityCatalogue;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.FormLabels;
import mx.cocreacion.validation.TaskInput;
import mx.cocreacion.validation.ValidationException;
import mx.cocreacion.validation.Violation;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Start of {@code local-exercise}: checks the start variables, the starter's tenant and the
 * business key {@code <tenant>-<year>} (one running exercise per key), then registers the exercise
 * in the plan of record. A refusal rolls the start back (HTTP 400 over REST).
 */
@Component("startExerciseListener")
public class StartExerciseListener implements ExecutionListener {

  /** The start variables of the contract: nothing else is accepted at the start. */
  static final List<String> START_VARIABLES = List.of(ExerciseVariables.ENTITY, ExerciseVariables.EXERCISE_NAME,
      ExerciseVariables.GUARANTOR_BODY, ExerciseVariables.YEAR);
  /** The start variables that are texts (the year is a number, or its digits). */
  static final List<String> TEXT_VARIABLES =
      List.of(ExerciseVariables.ENTITY, ExerciseVariables.EXERCISE_NAME, ExerciseVariables.GUARANTOR_BODY);
  /** The first year an exercise may be registered for ("Cocreación desde lo local" began in 2015). */
  static final int FIRST_YEAR = 2015;

  /** The start form (forms/start-local-exercise.form), whose labels name the fields in a refusal. */
  static final String START_FORM = "start-local-exercise";

  private final ExerciseRepository exercises;
  private final FormLabels labels;

  public StartExerciseListener(ExerciseRepository exercises, FormLabels labels) {
    this.exercises = exercises;
    this.labels = labels;
  }

  @Override
  public void notify(DelegateExecution execution) {
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    // The texts are texts and the year a number; anything else (Json, Object, ...) is refused before it is read.
    var types = new TaskInput(execution);
    for (String name : TEXT_VARIABLES) {
      var typed = execution.getVariableTyped(name, false);
      boolean isNull = typed == null || (typed.getType() != null && "null".equals(typed.getType().getName()));
      if (!isNull && !(typed instanceof StringValue)) {
        types.reject(name, "debe ser texto");
      }
    }
    var typedYear = execution.getVariableTyped(ExerciseVariables.YEAR, false);
    boolean number = typedYear instanceof PrimitiveValue<?> primitive && primitive.getValue() instanceof Number;
    if (typedYear != null && typedYear.getValue() != null && !(typedYear instanceof StringValue) && !number) {
      types.reject(ExerciseVariables.YEAR, "debe ser un año de cuatro cifras, p. ej. 2027");
    }
    types.throwIfInvalid("iniciar el ejercicio", field -> labels.label(START_FORM, field));
    if (execution.getVariable(ExerciseVariables.ENTITY) == null
        || execution.getVariable(ExerciseVariables.ENTITY).toString().isBlank()) {
      // The Tasklist start form may leave it empty: the starter's own entidad.
      StarterTenants.defaultEntity(identity).ifPresent(e -> execution.setVariable(ExerciseVariables.ENTITY, e));
    }
    var input = new TaskInput(execution);
    // A start carries only the contract's start variables (the start form submits the same three).
    for (String name : new TreeSet<>(execution.getVariableNames())) {
      if (!START_VARIABLES.contains(name)) {
        input.reject(name, "no es un dato del inicio del ejercicio; el inicio acepta: "
            + String.join(", ", START_VARIABLES));
      }
    }
    String entity = input.text(ExerciseVariables.ENTITY, 8);
    if (entity != null && !EntityCatalogue.exists(entity)) {
      input.reject(ExerciseVariables.ENTITY,
          "«" + entity + "» no es una entidad federativa; use la clave en minúsculas (p. ej. oax, jal, cmx)");
      entity = null;
    }
    if (entity != null && !StarterTenants.mayStartFor(identity, entity)) {
      input.reject(ExerciseVariables.ENTITY, "solo puede iniciar ejercicios de su propia entidad");
    }
    if (entity != null && !entity.equals(execution.getTenantId())) {
      // The instance's tenant comes from the same variable; both must name the same entidad.
      input.reject(ExerciseVariables.ENTITY, "«" + entity + "» debe escribirse exactamente como su clave, sin espacios");
    }
    String name = input.text(ExerciseVariables.EXERCISE_NAME, TaskInput.NAME);
    String guarantorBody = input.text(ExerciseVariables.GUARANTOR_BODY, TaskInput.NAME);

    String businessKey = execution.getProcessBusinessKey();
    int thisYear = ClockUtil.now().toInstant().atZone(Dates.MEXICO).getYear();
    Integer chosen = chosenYear(execution, input, thisYear);
    int year = chosen != null ? chosen : thisYear;
    if (entity != null) {
      if (businessKey == null || businessKey.isBlank()) {
        businessKey = entity + "-" + year;
        execution.setProcessBusinessKey(businessKey);
      } else if (!businessKey.matches(Pattern.quote(entity) + "-\\d{4}")) {
        input.reject("businessKey", "debe tener la forma <entidad>-<año>, p. ej. " + entity + "-" + thisYear);
      } else {
        year = Integer.parseInt(businessKey.substring(entity.length() + 1));
        if (chosen != null && chosen != year) {
          input.reject(ExerciseVariables.YEAR, "debe ser el año de la clave " + businessKey);
        }
      }
      if (input.isValid() && exercises.isKeyActive(businessKey)) {
        input.reject("businessKey", "ya hay un ejercicio en curso con la clave " + businessKey);
      }
    }
    input.throwIfInvalid("iniciar el ejercicio", field -> labels.label(START_FORM, field));

    var exercise = new Exercise(execution.getProcessInstanceId(), businessKey, entity, year, name,
        guarantorBody, StarterTenants.currentUser(identity), ClockUtil.now().toInstant(), null, 1,
        null, null, null, null, false, null, null, null, null, null, null, null, null);
    try {
      exercises.insert(exercise);
    } catch (DuplicateKeyException e) {
      throw new ValidationException("iniciar el ejercicio",
          List.of(new Violation("businessKey", "ya hay un ejercicio en curso con la clave " + businessKey)));
    }
  }

  /** The year the starter chose, between {@link #FIRST_YEAR} and next year; null when none was given. */
  private static Integer chosenYear(DelegateExecution execution, TaskInput input, int thisYear) {
    Object value = execution.getVariable(ExerciseVariables.YEAR);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String digits = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        ? String.valueOf(n.longValue()) : value.toString().strip();
    if (!digits.matches("\\d{4}")) {
      input.reject(ExerciseVariables.YEAR, "debe ser un año de cuatro cifras, p. ej. " + thisYear);
      return null;
    }
    int year = Integer.parseInt(digits);
    if (year < FIRST_YEAR || year > thisYear + 1) {
      input.reject(ExerciseVariables.YEAR, "debe estar entre " + FIRST_YEAR + " y " + (thisYear + 1));
      return null;
    }
    return year;
  }
}
