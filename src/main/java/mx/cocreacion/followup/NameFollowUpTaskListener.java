package mx.cocreacion.followup;

import static mx.cocreacion.followup.CommitmentImplementationProcess.TASK_REPORT_PROGRESS;

import mx.cocreacion.completion.Tasks;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Bean {@code nameFollowUpTaskListener} (create): the follow-up tasks say what they are about, from the plan
 * of record. A progress report names its commitment («Informar avance del compromiso: 2. Presupuesto
 * abierto»: the STL reports several at once); the INAI's monitoring and evaluation name the entidad and
 * year («Monitorear compromisos: Oaxaca 2026»: the INAI sees those of every entidad in one list).
 */
@Component
public class NameFollowUpTaskListener implements TaskListener {

  private final FollowUpSummary summary;

  public NameFollowUpTaskListener(FollowUpSummary summary) {
    this.summary = summary;
  }

  @Override
  public void notify(DelegateTask task) {
    Tasks.nameWith(task, TASK_REPORT_PROGRESS.equals(task.getTaskDefinitionKey())
        ? summary.commitmentName(task.getExecution())
        : summary.entityAndYear(task.getExecution()));
  }
}
