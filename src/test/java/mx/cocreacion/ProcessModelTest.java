package mx.cocreacion;

import mx.cocreacion.security.ExpressionBeansPlugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mx.cocreacion.completion.TaskCompletionListener;
import mx.cocreacion.support.CocreacionTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Parses every BPMN file of {@code bpmn/} with the BPMN Model API and checks what the contract and
 * the style rules require: each user task has a form that exists, a due date, candidates, the
 * completion listener with a validator for its key, and no timeout listener (the sweep reminds); each delegate expression names a bean that
 * exists; ids are the contract's and never Modeler-generated; every process has a history time to
 * live and a diagram.
 */
@CocreacionTest
class ProcessModelTest {

  static final Path BPMN = Path.of("bpmn");
  static final Path FORMS = Path.of("forms");
  static final Pattern GENERATED_ID = Pattern.compile(
      "^(Activity|Flow|Gateway|Event|StartEvent|EndEvent|Task|UserTask|ServiceTask|SequenceFlow|ExclusiveGateway)_([0-9a-z]{7}|\\d+)$");
  static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)\\}$");
  static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{([a-z][A-Za-z0-9]*)\\.");

  /** The public ids of the contract, per process. */
  static final Map<String, List<String>> CONTRACT_IDS = Map.of(
      "local-exercise", List.of("step-1", "step-2", "step-3", "step-4", "step-5", "step-6", "record-stl-session"),
      "declaration", List.of("sign-declaration"),
      "outreach", List.of("conduct-outreach"),
      "stl-integration", List.of("convene-stl-meeting", "elect-stl", "define-stl-rules", "select-facilitator",
          "draft-annual-agenda"),
      "working-tables", List.of("plan-working-tables", "hold-working-table", "consolidate-commitments",
          "approve-commitments"),
      "pal-launch", List.of("schedule-pal", "hold-public-launch"),
      "follow-up", List.of("implement-commitments", "monitor-commitments", "self-assess-pal", "evaluate-year",
          "draft-annual-agenda", "evaluate-performance"),
      "commitment-implementation", List.of("report-progress"));

  @Autowired ApplicationContext context;
  @Autowired TaskCompletionListener completions;
  @Autowired RepositoryService repository;

  @Test
  void everyContractProcessHasItsOwnFileAndIsDeployed() throws IOException {
    Set<String> files = bpmnFiles().map(p -> p.getFileName().toString().replace(".bpmn", "")).collect(Collectors.toSet());
    assertThat(files).containsExactlyInAnyOrderElementsOf(CONTRACT_IDS.keySet());
    for (String key : CONTRACT_IDS.keySet()) {
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().count())
          .as("deployed: " + key).isEqualTo(1);
    }
    List<String> resources = repository.getDeploymentResourceNames(
        repository.createProcessDefinitionQuery().processDefinitionKey("local-exercise").latestVersion()
            .singleResult().getDeploymentId());
    try (Stream<Path> forms = Files.list(FORMS)) {
      forms.forEach(form -> assertThat(resources).as("form deployed").contains("forms/" + form.getFileName()));
    }
  }

  @TestFactory
  Stream<DynamicTest> everyProcessFollowsTheModelRules() throws IOException {
    return bpmnFiles().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  private void check(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Bpmn.validateModel(model);
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    String key = file.getFileName().toString().replace(".bpmn", "");
    assertThat(process.getId()).as("process id = file name").isEqualTo(key);
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).as("history time to live of " + key).isNotBlank();
    assertThat(process.getName()).as("Spanish name of " + key).isNotBlank();

    List<String> ids = new ArrayList<>();
    model.getModelElementsByType(BaseElement.class).forEach(e -> {
      if (e.getId() != null) {
        ids.add(e.getId());
      }
    });
    assertThat(ids).as("contract ids of " + key).containsAll(CONTRACT_IDS.get(key));
    assertThat(ids).as("no Modeler-generated ids in " + key).noneMatch(id -> GENERATED_ID.matcher(id).matches());

    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String id = task.getId();
      assertThat(task.getName()).as("label of " + id).isNotBlank();
      assertThat(task.getCamundaFormRef()).as("form of " + id).isEqualTo(id);
      assertThat(task.getCamundaFormRefBinding()).as("form binding of " + id).isNotBlank();
      assertForm(task.getCamundaFormRef());
      assertThat(task.getCamundaDueDate()).as("due date of " + id).isNotBlank();
      assertThat(task.getCamundaCandidateGroups() != null || task.getCamundaCandidateUsers() != null
          || task.getCamundaAssignee() != null).as("candidates of " + id).isTrue();
      Collection<CamundaTaskListener> listeners = task.getExtensionElements()
          .getElementsQuery().filterByType(CamundaTaskListener.class).list();
      assertThat(listeners).as("completion listener of " + id)
          .anySatisfy(l -> {
            assertThat(l.getCamundaEvent()).isEqualTo("complete");
            assertThat(l.getCamundaDelegateExpression()).isEqualTo("${taskCompletionListener}");
          });
      assertThat(completions.handles(id)).as("a TaskCompletion validates " + id).isTrue();
      // Reminders come from the sweep (ReminderSweep); a timeout listener would also make the task a scope, an
      // execution of its own per task (docs/benchmark.md, "One execution fewer per user task").
      assertThat(listeners).as("no timeout listener on %s", id).noneMatch(l -> "timeout".equals(l.getCamundaEvent()));
      assertBeansExist(task.getCamundaDueDate());
      assertThat(task.getDocumentations()).as("documentation of " + id).isNotEmpty();
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      assertThat(task.getName()).as("label of " + task.getId()).isNotBlank();
      assertBean(task.getCamundaDelegateExpression(), task.getId());
      assertThat(task.getCamundaClass()).as("no camunda:class in " + task.getId()).isNull();
    }
    for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
      if (listener.getCamundaDelegateExpression() != null) {
        assertBean(listener.getCamundaDelegateExpression(), "execution listener");
      }
    }
    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class).stream()
        .filter(e -> e.getCamundaFormRef() != null)
        .forEach(e -> {
          try {
            assertForm(e.getCamundaFormRef());
          } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
          }
        });
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      assertThat(call.getCamundaCalledElementBinding()).as("binding of " + call.getId()).isEqualTo("latest");
      assertThat(CONTRACT_IDS).containsKey(call.getCalledElement());
    }

    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
    model.getModelElementsByType(FlowNode.class).forEach(n -> assertThat(shapes).as("diagram shape").contains(n.getId()));
    // INAI reads an instance in Cockpit: every event, gateway, task and subprocess says what it is for.
    model.getModelElementsByType(FlowNode.class).forEach(n -> assertThat(n.getDocumentations())
        .as("documentation of %s in %s", n.getId(), key).isNotEmpty()
        .allSatisfy(d -> assertThat(d.getTextContent()).isNotBlank()));
    model.getModelElementsByType(SequenceFlow.class).forEach(f -> assertThat(edges).as("diagram edge").contains(f.getId()));
  }

  private void assertBean(String expression, String where) {
    assertThat(expression).as("delegate expression of " + where).isNotNull();
    Matcher m = BEAN_EXPRESSION.matcher(expression);
    assertThat(m.matches()).as("delegate expression ${bean} in " + where + ": " + expression).isTrue();
    assertThat(context.containsBean(m.group(1))).as("bean " + m.group(1) + " exists").isTrue();
    assertThat(ExpressionBeansPlugin.MODEL_BEANS).as("expressions reach bean " + m.group(1)).contains(m.group(1));
  }

  private void assertBeansExist(String expression) {
    Matcher m = BEAN_REFERENCE.matcher(expression);
    while (m.find()) {
      assertThat(context.containsBean(m.group(1))).as("bean " + m.group(1) + " exists").isTrue();
      assertThat(ExpressionBeansPlugin.MODEL_BEANS).as("expressions reach bean " + m.group(1)).contains(m.group(1));
    }
  }

  /**
   * Expressions reach only the beans of {@link ExpressionBeansPlugin#MODEL_BEANS}: every name an expression of
   * a model starts with that is a bean of the application must be in that list (or the model would fail at
   * run time), and every bean of the list must exist.
   */
  @Test
  void everyBeanAModelNamesIsReachableAndNoOther() throws IOException {
    Pattern start = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    try (Stream<Path> files = bpmnFiles()) {
      for (Path file : files.toList()) {
        Matcher m = start.matcher(Files.readString(file));
        while (m.find()) {
          if (context.containsBean(m.group(1))) {
            assertThat(ExpressionBeansPlugin.MODEL_BEANS).as(file.getFileName() + " names bean " + m.group(1))
                .contains(m.group(1));
          }
        }
      }
    }
    ExpressionBeansPlugin.MODEL_BEANS.forEach(bean -> assertThat(context.containsBean(bean)).as(bean).isTrue());
  }

  /**
   * And at run time too: the engine's expressions resolve a bean of the list, and not another bean of the application
   * (the Spring factory bean builds the expression manager before the plugins run, with the whole context).
   */
  @Test
  void atRunTimeExpressionsResolveTheListedBeansAndNoOther() {
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) context
        .getBean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
    var expressions = (org.camunda.bpm.engine.impl.el.JuelExpressionManager) configuration.getExpressionManager();
    var scope = org.camunda.bpm.engine.variable.Variables.emptyVariableContext();
    assertThat(expressions.createValueExpression("${stlRoster}").getValue(expressions.createElContext(scope)))
        .isSameAs(context.getBean("stlRoster"));
    for (String outside : List.of("standIns", "jdbcClient", "accountProvisioning", "dataSource")) {
      assertThat(context.containsBean(outside)).as(outside + " is a bean").isTrue();
      assertThatThrownBy(() -> expressions.createValueExpression("${" + outside + "}")
          .getValue(expressions.createElContext(scope))).as("${" + outside + "}")
          .isInstanceOf(org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException.class);
    }
  }

  private static void assertForm(String formId) throws IOException {
    File form = FORMS.resolve(formId + ".form").toFile();
    assertThat(form).as("form file").exists();
    JsonNode schema = new ObjectMapper().readTree(form);
    assertThat(schema.path("id").asText()).as("id inside " + form).isEqualTo(formId);
    assertThat(schema.path("components").size()).as("components of " + form).isPositive();
  }

  private static Stream<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.list(BPMN)) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList().stream();
    }
  }
}
