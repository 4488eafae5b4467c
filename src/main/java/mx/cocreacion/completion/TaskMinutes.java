package mx.cocreacion.completion;

import com.fasterxml.jackson.core.JsonProcessingException;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.exercise.RecordRepository;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Writes what a completed task submitted into the exercise's minutes ({@code cc_record}). */
@Component
public class TaskMinutes {

  private final RecordRepository records;

  public TaskMinutes(RecordRepository records) {
    this.records = records;
  }

  public void record(DelegateTask task, String kind, Object payload) {
    String json;
    try {
      json = TaskInput.mapper().writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the minutes of task " + task.getId(), e);
    }
    records.add(ExerciseScope.exerciseId(task), kind, task.getId(), actor(task), ClockUtil.getCurrentTime().toInstant(), json);
  }

  /** The person completing the task: the authenticated user, else the assignee. */
  public static String actor(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
  }
}
