package mx.cocreacion.completion;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import mx.cocreacion.evidence.EvidenceCapture;
import mx.cocreacion.validation.FormLabels;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener on {@code complete} of every user task: checks that the completion carries only the
 * task's fields ({@link SubmittedFields}), then dispatches to the task's {@link TaskCompletion}. Runs
 * inside the engine command whatever the client (Tasklist, engine REST, Java API), so a refusal rolls
 * the completion back: the task stays open and nothing is stored.
 */
@Component("taskCompletionListener")
public class TaskCompletionListener implements TaskListener {

  private final Map<String, TaskCompletion> completions;
  private final EvidenceCapture evidence;
  private final FormLabels labels;

  public TaskCompletionListener(List<TaskCompletion> completions, EvidenceCapture evidence, FormLabels labels) {
    this.evidence = evidence;
    this.labels = labels;
    this.completions = completions.stream()
        .collect(Collectors.toUnmodifiableMap(TaskCompletion::taskKey, Function.identity()));
  }

  @Override
  public void notify(DelegateTask task) {
    TaskCompletion completion = completion(task.getTaskDefinitionKey());
    TaskInput input = new TaskInput(task);
    SubmittedFields.check(input, SubmittedFields.current(), completion.fields(), task.getName());
    if (input.isValid()) {
      // Only values of the task's fields and types reach its rules (which read them, Json included).
      completion.validate(input);
    }
    input.throwIfInvalid("completar la tarea «" + task.getName() + "»",
        field -> labels.label(task.getTaskDefinitionKey(), field));
    completion.record(task, input);
    evidence.attachments(task);
  }

  public TaskCompletion completion(String taskKey) {
    TaskCompletion completion = completions.get(taskKey);
    if (completion == null) {
      throw new IllegalStateException("No TaskCompletion for user task " + taskKey);
    }
    return completion;
  }

  public boolean handles(String taskKey) {
    return completions.containsKey(taskKey);
  }
}
