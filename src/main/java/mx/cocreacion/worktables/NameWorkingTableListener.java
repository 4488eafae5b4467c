package mx.cocreacion.worktables;

import static mx.cocreacion.worktables.WorkingTablesProcess.VAR_WORKING_TABLE_TOPIC;

import mx.cocreacion.completion.Tasks;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Bean {@code nameWorkingTableListener} (create): each table's task names its topic, «Realizar mesa de trabajo:
 * Presupuesto participativo», so that the facilitator tells the tables apart in Tasklist. The topic is the
 * table's element of the plan the facilitator recorded (set on the task's execution when it starts).
 */
@Component
public class NameWorkingTableListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (task.getExecution().getVariableLocal(VAR_WORKING_TABLE_TOPIC) instanceof String topic) {
      Tasks.nameWith(task, topic);
    }
  }
}
