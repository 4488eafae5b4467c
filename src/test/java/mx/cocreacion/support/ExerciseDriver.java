package mx.cocreacion.support;

import static mx.cocreacion.support.TestVariables.*;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Walks exercises through the Java API, step by step, with the valid submissions of
 * {@link TestVariables}. Each exercise gets its own business key (a year no other test uses).
 */
public class ExerciseDriver {

  private static final AtomicInteger YEARS = new AtomicInteger(2100);

  private final ProcessEngine engine;

  public ExerciseDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  public static String newBusinessKey(String tenant) {
    return tenant + "-" + YEARS.incrementAndGet();
  }

  public ProcessInstance start(String tenant) {
    return engine.getRuntimeService()
        .startProcessInstanceByKey("local-exercise", newBusinessKey(tenant), TestVariables.start(tenant));
  }

  /** The running instance of a step process called by the exercise. */
  public ProcessInstance step(ProcessInstance exercise, String processKey) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(exercise.getBusinessKey())
        .processDefinitionKey(processKey)
        .singleResult();
  }

  public List<Task> tasks(ProcessInstance exercise, String taskKey) {
    return engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(exercise.getBusinessKey())
        .taskDefinitionKey(taskKey)
        .orderByTaskCreateTime().asc()
        .list();
  }

  public Task task(ProcessInstance exercise, String taskKey) {
    List<Task> tasks = tasks(exercise, taskKey);
    if (tasks.size() != 1) {
      throw new AssertionError("Expected one open task " + taskKey + " in " + exercise.getBusinessKey() + ", found " + tasks.size());
    }
    return tasks.get(0);
  }

  public void complete(ProcessInstance exercise, String taskKey, VariableMap variables) {
    engine.getTaskService().complete(task(exercise, taskKey).getId(), variables);
  }

  public void completeAll(ProcessInstance exercise, String taskKey, VariableMap variables) {
    for (Task task : tasks(exercise, taskKey)) {
      engine.getTaskService().complete(task.getId(), variables);
    }
  }

  public String tag(ProcessInstance exercise) {
    return exercise.getBusinessKey().replace("-", "");
  }

  /** The commitment-implementation instance of the exercise's commitment {@code position} (1-based). */
  public ProcessInstance implementation(ProcessInstance exercise, int position) {
    var runtime = engine.getRuntimeService();
    return runtime.createProcessInstanceQuery().processDefinitionKey("commitment-implementation")
        .processInstanceBusinessKey(exercise.getBusinessKey()).list().stream()
        .filter(pi -> Integer.valueOf(position).equals(runtime.getVariable(pi.getId(), "commitmentPosition")))
        .findFirst().orElseThrow(() -> new AssertionError("No implementation of commitment " + position));
  }

  /** Completes the open report-progress of commitment {@code position}; {@code evidenceUrl} may be null. */
  public void reportProgress(ProcessInstance exercise, int position, String activityProgressJson, String evidenceUrl) {
    String taskId = engine.getTaskService().createTaskQuery()
        .processInstanceId(implementation(exercise, position).getId())
        .taskDefinitionKey("report-progress").singleResult().getId();
    VariableMap variables = org.camunda.bpm.engine.variable.Variables.createVariables()
        .putValueTyped("activityProgress", json(activityProgressJson));
    if (evidenceUrl != null) {
      variables.putValue("evidenceUrl", evidenceUrl);
    }
    engine.getTaskService().complete(taskId, variables);
  }

  // --- whole steps ---------------------------------------------------------------------------

  public void signDeclaration(ProcessInstance exercise) {
    for (Task task : tasks(exercise, "sign-declaration")) {
      engine.getTaskService().complete(task.getId(), TestVariables.signDeclaration("Firmante " + task.getId()));
    }
  }

  public void outreach(ProcessInstance exercise) {
    complete(exercise, "conduct-outreach", conductOutreach());
  }

  public void integrateStl(ProcessInstance exercise, String decisionRule) {
    integrateStl(exercise, decisionRule, conveneStlMeeting());
  }

  /** Step 3 whole, the STL convened with {@code meeting} (e.g. a meeting day already past, for its sessions). */
  public void integrateStl(ProcessInstance exercise, String decisionRule, VariableMap meeting) {
    complete(exercise, "convene-stl-meeting", meeting);
    complete(exercise, "elect-stl", electStl(tag(exercise)));
    complete(exercise, "define-stl-rules", defineStlRules(decisionRule));
    chooseFacilitator(exercise);
    complete(exercise, "draft-annual-agenda", draftAnnualAgenda());
  }

  /** An STL member proposes the facilitator and every titular votes for: the STL's rule approves it. */
  public void chooseFacilitator(ProcessInstance exercise) {
    complete(exercise, "select-facilitator", selectFacilitator(tag(exercise)));
    voteFacilitator(exercise, true, true, true);
  }

  /**
   * The titulars vote the proposed facilitator in the order of their user ids ({@code true} = for; against says why). Returns the
   * voters (the tasks' assignees) in that order.
   */
  public List<String> voteFacilitator(ProcessInstance exercise, boolean... votes) {
    List<Task> open = tasks(exercise, "vote-facilitator").stream()
        .sorted(java.util.Comparator.comparing(Task::getAssignee)).toList();
    if (open.size() != votes.length) {
      throw new AssertionError("Expected " + votes.length + " vote-facilitator tasks, found " + open.size());
    }
    List<String> voters = new java.util.ArrayList<>();
    for (int i = 0; i < votes.length; i++) {
      voters.add(open.get(i).getAssignee());
      engine.getTaskService().complete(open.get(i).getId(), org.camunda.bpm.engine.variable.Variables.createVariables()
          .putValue("facilitatorApproved", votes[i])
          .putValue("facilitatorComments", votes[i] ? "" : "Preferimos a alguien con experiencia en mesas locales."));
    }
    return voters;
  }

  public void holdWorkingTables(ProcessInstance exercise) {
    complete(exercise, "plan-working-tables", planWorkingTables("Transparencia presupuestaria", "Obra pública"));
    completeAll(exercise, "hold-working-table", holdWorkingTable());
    complete(exercise, "consolidate-commitments", consolidateCommitments());
    completeAll(exercise, "approve-commitments", approveEach());
  }

  public void launchPal(ProcessInstance exercise) {
    complete(exercise, "schedule-pal", schedulePal());
    complete(exercise, "hold-public-launch", holdPublicLaunch());
  }

  /** Schedules a PAL from {@code palStart} to {@code palEnd} and launches it on {@code launchDate} (AAAA-MM-DD). */
  public void launchPal(ProcessInstance exercise, String palStart, String palEnd, String launchDate) {
    complete(exercise, "schedule-pal", org.camunda.bpm.engine.variable.Variables.createVariables()
        .putValue("palStart", palStart).putValue("palEnd", palEnd)
        .putValueTyped("palMinutes", TestVariables.sessionMinutes("acta-vigencia-pal.pdf")));
    complete(exercise, "hold-public-launch", TestVariables.launch(launchDate));
  }

  /** Starts an exercise and walks it to the launch of a PAL with these dates (AAAA-MM-DD). */
  public ProcessInstance startWithPal(String tenant, String palStart, String palEnd, String launchDate) {
    ProcessInstance exercise = startAtStep(tenant, 5);
    launchPal(exercise, palStart, palEnd, launchDate);
    return exercise;
  }

  /** The STL completes its self-assessment before INAI's evaluation. */
  public void selfAssess(ProcessInstance exercise) {
    complete(exercise, "self-assess-pal", selfAssessPal());
  }

  /** A year of implementation ends (its timer fired), the STL assesses itself and INAI evaluates the year. */
  public void evaluateYear(ProcessInstance exercise) {
    fire(step(exercise, "follow-up"), "Event_YearOfImplementationEnded");
    selfAssess(exercise);
    complete(exercise, "evaluate-year", TestVariables.evaluateYear());
  }

  /** Six months after the launch INAI monitors both commitments of the plan (the timer fired as the engine would). */
  public void monitor(ProcessInstance exercise) {
    fire(step(exercise, "follow-up"), "Event_SixMonthsAfterLaunch");
    complete(exercise, "monitor-commitments", org.camunda.bpm.engine.variable.Variables.createVariables()
        .putValueTyped("monitoring", json("""
            [{"commitment":1,"verifiable":true,"relevant":true,"potentialImpact":"transformative","notes":""},
             {"commitment":2,"verifiable":true,"relevant":false,"potentialImpact":"moderate","notes":""}]""")));
  }

  /**
   * The PAL ends (its timer fired): with the monitoring done, the STL completes its final self-assessment and
   * INAI's evaluation opens.
   */
  public void endPal(ProcessInstance exercise) {
    fire(step(exercise, "follow-up"), "Event_PalEnded");
    selfAssess(exercise);
  }

  /**
   * Every assessment of INAI on a two-year PAL launched on 2032-02-01: the monitoring, the evaluation of year 1 and,
   * once the PAL ended and the STL assessed itself, the final evaluation ({@code notes} on commitment 1's).
   */
  public ProcessInstance startAssessed(String tenant, String notes) {
    ProcessInstance exercise = startWithPal(tenant, "2032-02-01", "2034-02-01", "2032-02-01");
    monitor(exercise);
    evaluateYear(exercise);
    endPal(exercise);
    complete(exercise, "evaluate-performance", org.camunda.bpm.engine.variable.Variables.createVariables()
        .putValueTyped("evaluation", json("[{\"commitment\":1,\"completion\":\"complete\",\"openedGovernment\":\"major\","
            + "\"notes\":" + toJson(notes) + "},{\"commitment\":2,\"completion\":\"limited\","
            + "\"openedGovernment\":\"marginal\"}]")));
    return exercise;
  }

  private void fire(ProcessInstance instance, String timer) {
    var management = engine.getManagementService();
    management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(timer).singleResult().getId());
  }

  /** Starts an exercise and completes every step before {@code step} (1–6). */
  public ProcessInstance startAtStep(String tenant, int step) {
    ProcessInstance exercise = start(tenant);
    if (step > 1) signDeclaration(exercise);
    if (step > 2) outreach(exercise);
    if (step > 3) integrateStl(exercise, "consensus");
    if (step > 4) holdWorkingTables(exercise);
    if (step > 5) launchPal(exercise);
    return exercise;
  }
}
