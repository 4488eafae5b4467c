package mx.cocreacion.security;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.stereotype.Component;

/**
 * Expressions (in the models, in stored filters) reach only the beans the models name, not every bean of
 * the application: an expression that got past the checks could otherwise call anything (accounts, JDBC).
 * {@link #MODEL_BEANS} is the list; {@code ProcessModelTest} fails when a model names a bean that is not in it.
 */
@Component
public class ExpressionBeansPlugin extends AbstractProcessEnginePlugin implements ApplicationContextAware {

  /**
   * Every bean the BPMN models of bpmn/ use in expressions and delegate expressions, and those that versions
   * deployed before still use: a running instance keeps its version's model. {@code electionCandidates},
   * {@code tablesSummary}, {@code approvalSummary}, {@code followUpSummary} and {@code approvedPlan} were the input
   * mappings of the tasks' summaries (now {@code TaskCompletion.shown()}, computed when read). The reminder listeners
   * of older versions ({@code sendReminderListener}, {@code dueSoonListener}, with the {@code reminders} bean in their
   * timers) are not here: {@code ReminderSweep} removes them when it parses those versions, so they are never called.
   */
  public static final Set<String> MODEL_BEANS = Set.of(
      "closeExerciseListener", "enterStepListener", "startExerciseListener", "loadStlRosterListener",
      "taskCompletionListener", "offerVoteToSuplentesListener",
      "nameSignatureListener", "nameWorkingTableListener", "nameFollowUpTaskListener",
      "recordDeclarationDelegate", "provisionStlAccountsDelegate", "provisionFacilitatorAccountDelegate",
      "recordPlanDelegate", "tallyApprovalDelegate", "recordPalDatesDelegate", "generatePalDocumentDelegate",
      "recordLaunchDelegate", "updateProgressDelegate", "recordMonitoringDelegate", "recordEvaluationDelegate",
      "generateFinalReportDelegate", "recordYearEvaluationDelegate", "tallyAmendmentDelegate", "applyAmendmentDelegate",
      "commitmentAmendments", "tallyFacilitatorVoteDelegate", "facilitatorVote",
      "dueDates", "sectors", "stlRoster", "electionCandidates", "tablesSummary", "approvalSummary", "planOfRecord", "followUpCalendar",
      "followUpSummary", "approvedPlan");

  private ApplicationContext context;

  @Override
  public void setApplicationContext(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // A map that looks the beans up when an expression asks (they are built after the engine's configuration).
    Map<Object, Object> beans = new AbstractMap<>() {
      @Override
      public boolean containsKey(Object name) {
        return MODEL_BEANS.contains(name);
      }

      @Override
      public Object get(Object name) {
        return MODEL_BEANS.contains(name) ? context.getBean((String) name) : null;
      }

      @Override
      public Set<Entry<Object, Object>> entrySet() {
        return MODEL_BEANS.stream().map(n -> Map.entry((Object) n, get(n))).collect(Collectors.toSet());
      }
    };
    configuration.setBeans(beans);
    // The Spring factory bean built the expression manager before the plugins ran, with no beans map: the whole
    // application context (every bean, JDBC and accounts included). Replace it with one that resolves only the map.
    configuration.setExpressionManager(new SpringExpressionManager(context, beans));
  }
}
