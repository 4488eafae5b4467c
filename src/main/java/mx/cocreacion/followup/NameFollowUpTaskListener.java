package mx.cocreacion.followup;

import static mx.cocreacion.followup.CommitmentImplementationProcess.TASK_REPORT_PROGRESS;
import static mx.cocreacion.followup.CommitmentImplementationProcess.TASK_VOTE_AMENDMENT;
import static mx.cocreacion.followup.FollowUpProcess.TASK_DRAFT_ANNUAL_AGENDA;
import static mx.cocreacion.followup.FollowUpProcess.TASK_EVALUATE_YEAR;
import static mx.cocreacion.followup.FollowUpProcess.TASK_SELF_ASSESS_PAL;

import java.util.Set;
import mx.cocreacion.completion.Tasks;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Bean {@code nameFollowUpTaskListener} (create): the follow-up tasks say what they are about, from the plan
 * of record. A progress report names its commitment («Informar avance del compromiso: 2. Presupuesto
 * abierto»: the STL reports several at once), and so does a vote on its amendment; the INAI's monitoring and
 * evaluation name the entidad and year («Monitorear compromisos: Oaxaca 2026»: the INAI sees those of every entidad
 * in one list); the self-assessment and the yearly evaluation also say which round («Autoevaluar el PAL: Oaxaca
 * 2026, año 1 de implementación»), and the agenda of a year that begins says which year («Elaborar agenda anual: Oaxaca
 * 2026, año 2 de implementación»).
 */
@Component
public class NameFollowUpTaskListener implements TaskListener {

  /** Tasks about one commitment, named after it. */
  private static final Set<String> COMMITMENT_TASKS = Set.of(TASK_REPORT_PROGRESS, TASK_VOTE_AMENDMENT);

  private final FollowUpSummary summary;

  public NameFollowUpTaskListener(FollowUpSummary summary) {
    this.summary = summary;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    Tasks.nameWith(task, COMMITMENT_TASKS.contains(key) ? summary.commitmentName(task.getExecution())
        : TASK_SELF_ASSESS_PAL.equals(key) || TASK_EVALUATE_YEAR.equals(key) ? summary.roundName(task.getExecution())
        : TASK_DRAFT_ANNUAL_AGENDA.equals(key) ? summary.agendaName(task.getExecution())
        : summary.entityAndYear(task.getExecution()));
  }
}
