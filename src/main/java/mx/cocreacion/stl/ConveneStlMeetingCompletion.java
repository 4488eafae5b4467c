package mx.cocreacion.stl;

import static mx.cocreacion.stl.StlIntegrationProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.exercise.MilestoneOrder;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** convene-stl-meeting: the date of the meeting where the STL is elected, not before the declaration was signed. */
@Component
class ConveneStlMeetingCompletion implements TaskCompletion {

  private final ExerciseRepository exercises;

  ConveneStlMeetingCompletion(ExerciseRepository exercises) {
    this.exercises = exercises;
  }

  @Override
  public String taskKey() {
    return TASK_CONVENE_STL_MEETING;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_MEETING_DATE);
  }

  @Override
  public void validate(TaskInput input) {
    Instant meeting = input.date(VAR_MEETING_DATE);
    Instant declaration = exercises.findById(ExerciseScope.exerciseId(input)).map(Exercise::declarationDate).orElse(null);
    MilestoneOrder.notBefore(input, VAR_MEETING_DATE, meeting, declaration, "la firma de la declaración conjunta");
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    Date meetingDate = TaskInput.toDate(input.date(VAR_MEETING_DATE));
    task.setVariable(VAR_MEETING_DATE, meetingDate);
    exercises.recordMeetingDate(ExerciseScope.exerciseId(task), meetingDate);
  }
}
