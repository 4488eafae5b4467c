package mx.cocreacion.e2e;

import static mx.cocreacion.support.TestVariables.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.cocreacion.followup.FollowUpProcess;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What a person reads in the webapps is Spanish and names no code (issue 15): the visible text, placeholders,
 * titles and ARIA labels of every task form (one exercise walked through its six steps, each form opened in
 * Tasklist on a phone by a person who may work it, with the task's header and tabs; nothing may be cut or lie
 * outside the screen) and of the start form; then the pages
 * of Tasklist, Cockpit (as the INAI) and Admin (as the administration) are read for English words and for
 * the keys of the contract's variables. Camunda's product names (Tasklist, Cockpit, Admin, Camunda Platform)
 * and ids (business keys, process keys, permission names in Admin) are not words to translate.
 */
class SpanishEverywhereBrowserTest extends BrowserTestSupport {

  /** Words and phrases only English texts have, as Camunda and form-js write them (case-sensitive). */
  static final Pattern ENGLISH = Pattern.compile("\\b(Welcome|Dashboard|Processes|Decisions|Deployments|Batches|Tasks?|"
      + "Filters?|Add|Remove|Delete|Edit|Save|Cancel|Close|Search|Select|Create|Start|Claim|Unclaim|Actions|State|"
      + "Running|Suspended|Incidents|History|Diagram|Form|Description|Name|Type|Value|Download|Upload|Loading|"
      + "Sort|Owner|Assignee|Due|Follow-up|Created|Priority|Logout|Sign out|Profile|Password|Users|Groups|Tenants|"
      + "Settings|Help|Keyboard|Shortcuts|Previous|Next|Show|Hide|Details|String|Json|Boolean|Integer|null|"
      + "undefined|Submit|Success|Field|required|must|Expand|Collapse|Increment|Decrement|No options|"
      + "the|and|of|is|not|with|Powered)\\b");
  /** A variable's key: camelCase (exerciseName, decisionRule), or one of the one-word keys in English. */
  static final Pattern KEY = Pattern.compile("\\b([a-z]+(?:[A-Z][a-z0-9]+)+|entity|commitments|approved|signed|evidence|"
      + "participants|actors|monitoring|evaluation|problems|comments)\\b");
  /** Texts that contain such a word and are right: ids shown as ids. */
  static final Pattern ALLOWED = Pattern.compile("local-exercise:\\d+:[0-9a-f-]+|Camunda Platform|bpmn\\.io");

  /** The text each form showed, by task key (whitespace collapsed). */
  private final Map<String, String> shown = new LinkedHashMap<>();

  /**
   * Every form, opened in Tasklist on a phone (390 px) while an exercise walks through its six steps: in
   * Spanish, no key, and nothing cut or outside the screen.
   */
  @Test
  void everyTaskFormAndTheStartFormSpeakSpanishOnAPhone() {
    Map<String, List<String>> found = new LinkedHashMap<>();
    String tenant = "tab";
    browser.viewport(390, 844);

    // The start form, as the entidad's guarantor.
    login(userFor(tenant, "guarantor"));
    browser.get("/camunda/app/tasklist/default/");
    openStartForm("Ejercicio local de cocreación");
    found.put("start-local-exercise", foreignTexts(".modal .modal-content"));
    found.get("start-local-exercise").addAll(cutOrOutside(".modal .modal-content"));

    ProcessInstance exercise = exercises.start(tenant);
    String tag = exercises.tag(exercise);
    read(exercise, "sign-declaration", found);
    exercises.signDeclaration(exercise);
    read(exercise, "conduct-outreach", found);
    exercises.outreach(exercise);
    read(exercise, "convene-stl-meeting", found);
    exercises.complete(exercise, "convene-stl-meeting", TestVariables.conveneStlMeeting());
    read(exercise, "elect-stl", found);
    exercises.complete(exercise, "elect-stl", TestVariables.electStl(tag));
    read(exercise, "define-stl-rules", found);
    exercises.complete(exercise, "define-stl-rules", TestVariables.defineStlRules("consensus"));
    read(exercise, "select-facilitator", found);
    exercises.complete(exercise, "select-facilitator", TestVariables.selectFacilitator(tag));
    read(exercise, "vote-facilitator", found);
    browser.screenshot("formulario-votar-persona-facilitadora-movil.png");
    exercises.voteFacilitator(exercise, true, true, true);
    read(exercise, "draft-annual-agenda", found);
    exercises.complete(exercise, "draft-annual-agenda", TestVariables.draftAnnualAgenda());
    read(exercise, "record-stl-session", found);
    ((JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelector('[cam-tasklist-form-camunda] [id$=\"-Field_SessionKind\"]')?.scrollIntoView();");
    browser.screenshot("formulario-registrar-sesion-stl-movil.png");
    read(exercise, "plan-working-tables", found);
    exercises.complete(exercise, "plan-working-tables", TestVariables.planWorkingTables("Transparencia presupuestaria", "Obra pública"));
    read(exercise, "hold-working-table", found);
    ((JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelector('[cam-tasklist-form-camunda]')?.scrollIntoView();");
    browser.screenshot("formulario-realizar-mesa-movil.png");
    exercises.completeAll(exercise, "hold-working-table", TestVariables.holdWorkingTable());
    read(exercise, "consolidate-commitments", found);
    exercises.complete(exercise, "consolidate-commitments", TestVariables.consolidateCommitments());
    read(exercise, "approve-commitments", found);
    // One row per commitment of the vote, each with its choice; the one vote on all (old tasks only) is hidden.
    ((JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelector('[cam-tasklist-form-camunda] input[type=radio]')?.scrollIntoView();");
    browser.screenshot("formulario-aprobar-compromisos-movil.png");
    assertThat(browser.driver().findElement(FORM).findElements(By.cssSelector("input[type=radio]"))).hasSize(4);
    exercises.completeAll(exercise, "approve-commitments", TestVariables.approve(true, "De acuerdo"));
    read(exercise, "schedule-pal", found);
    // A PAL of two years, so that the yearly evaluation and its self-assessment are read too.
    exercises.complete(exercise, "schedule-pal", TestVariables.schedulePal().putValue("palEnd", "2034-02-01"));
    read(exercise, "hold-public-launch", found);
    exercises.complete(exercise, "hold-public-launch", TestVariables.holdPublicLaunch());
    read(exercise, "report-progress", found);
    ((JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelector('[cam-tasklist-form-camunda] [id$=\"-Field_ActivityValue_0\"]')?.scrollIntoView();");
    browser.screenshot("formulario-informar-avance-movil.png");
    ProcessInstance followUp = exercises.step(exercise, FollowUpProcess.KEY);
    fire(followUp, FollowUpProcess.EVENT_SIX_MONTHS_AFTER_LAUNCH);
    read(exercise, FollowUpProcess.TASK_MONITOR_COMMITMENTS, found);
    ((JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelector('[cam-tasklist-form-camunda]')?.scrollIntoView();");
    browser.screenshot("formulario-monitorear-compromisos-movil.png");
    exercises.complete(exercise, FollowUpProcess.TASK_MONITOR_COMMITMENTS, Variables.createVariables()
        .putValueTyped("monitoring", json("""
            [{"commitment":1,"verifiable":true,"relevant":true,"potentialImpact":"moderate","notes":""},
             {"commitment":2,"verifiable":true,"relevant":true,"potentialImpact":"moderate","notes":""}]""")));
    fire(followUp, FollowUpProcess.EVENT_YEAR_OF_IMPLEMENTATION_ENDED);
    read(exercise, FollowUpProcess.TASK_SELF_ASSESS_PAL, found);
    exercises.complete(exercise, FollowUpProcess.TASK_SELF_ASSESS_PAL, TestVariables.selfAssessPal());
    read(exercise, FollowUpProcess.TASK_EVALUATE_YEAR, found);
    exercises.complete(exercise, FollowUpProcess.TASK_EVALUATE_YEAR, TestVariables.evaluateYear());
    fire(followUp, FollowUpProcess.EVENT_PAL_ENDED);
    exercises.complete(exercise, FollowUpProcess.TASK_SELF_ASSESS_PAL, TestVariables.selfAssessPal());
    read(exercise, FollowUpProcess.TASK_EVALUATE_PERFORMANCE, found);

    assertThat(found.keySet()).as("forms read").hasSize(21);
    // The summaries the server prepared (plan.CommitmentForms) reach the person as words, not as keys or FEEL.
    assertThat(shown.get("approve-commitments")).contains(
        "ODS: 10. Reducción de las desigualdades; 16. Paz, justicia e instituciones sólidas",
        "Criterios: incluyente, estratégico, de alto potencial transformador, medible, asociado a la Agenda 2030, "
            + "vinculado a la agenda estatal anticorrupción",
        "línea base «0», meta «12», fecha de término 30 de junio de 2032",
        "Su voto por compromiso", "Lo apruebo", "Lo devuelvo: solicito cambios", "Comentarios generales")
        .doesNotContain("Su voto sobre todos los compromisos");
    assertThat(shown.get("report-progress")).contains("Avance actual: ░░░░░░░░░░ 0 %", "Portal — ○ Sin iniciar",
        "Fecha de término: 30 de junio de 2032", "Aún no hay informes de avance.");
    assertThat(shown.get(FollowUpProcess.TASK_MONITOR_COMMITMENTS)).contains("Lanzamiento del PAL: 1 de febrero de 2032",
        "Avance del PAL: ░░░░░░░░░░ 0 %", "Compromiso 2. Obra pública vigilada");
    assertThat(shown.get(FollowUpProcess.TASK_EVALUATE_PERFORMANCE)).contains(
        "Monitoreo a seis meses: verificable: sí · relevante: sí · impacto potencial: moderado");
    assertThat(shown.get(FollowUpProcess.TASK_SELF_ASSESS_PAL)).contains("Evaluación: Año 1 de implementación",
        "Periodo: el año 1 de implementación, del 1 de febrero de 2032 al 1 de febrero de 2033");
    assertThat(shown.get(FollowUpProcess.TASK_EVALUATE_YEAR)).contains(
        "El STL completó su autoevaluación el", "Logros: Se publicó el portal de presupuesto");
    assertThat(shown.get(FollowUpProcess.TASK_EVALUATE_PERFORMANCE)).contains("Evaluación: Evaluación final");
    assertThat(shown.get("schedule-pal")).contains("El PAL incluye 2 compromiso(s) aprobado(s) con 3 actividad(es), que "
        + "vencen entre el 30 de junio de 2032 y el 15 de diciembre de 2032: la vigencia debe cubrir esas fechas");
    found.values().removeIf(List::isEmpty);
    assertThat(found).as("English words, variable keys, or texts cut or outside a phone's screen in the forms").isEmpty();
  }

  /** Tasklist as an entidad's guarantor, Cockpit as the INAI, Admin as the administration. */
  @Test
  void tasklistCockpitAndAdminPagesSpeakSpanish() {
    ProcessInstance exercise = exercises.startAtStep("cam", 6);
    Task report = exercises.tasks(exercise, "report-progress").get(0);
    Map<String, List<String>> found = new LinkedHashMap<>();

    login(userFor("cam", "stl"));
    String tasklist = "/camunda/app/tasklist/default/";
    found.put("Tasklist", pageTexts(tasklist + "#/?filter=", "Tareas de mi grupo"));
    found.put("Tasklist, a task", pageTexts(tasklist + "#/?task=" + report.getId(), "Informar avance"));
    for (String tab : List.of("Historial", "Diagrama", "Descripción", "Formulario")) {
      found.put("Tasklist, tab " + tab, tabTexts(".task-details", tab));
    }
    found.put("Welcome and profile", pageTexts("/camunda/app/welcome/default/", "Aplicaciones"));

    login("inai-monitor");
    String cockpit = "/camunda/app/cockpit/default/#";
    found.put("Cockpit", pageTexts(cockpit + "/dashboard", "Ejercicios locales"));
    found.put("Cockpit, processes", pageTexts(cockpit + "/processes", "definiciones de proceso"));
    found.put("Cockpit, tasks", pageTexts(cockpit + "/tasks", "Asignaciones por grupo"));
    found.put("Cockpit, decisions", pageTexts(cockpit + "/decisions", "Decisiones"));
    found.put("Cockpit, an exercise", pageTexts(cockpit + "/process-instance/" + exercise.getId() + "/runtime",
        exercise.getBusinessKey()));
    for (String tab : List.of("Compromisos", "Incidentes", "Registro de auditoría", "Instancias de proceso llamadas",
        "Tareas de usuario", "Trabajos", "Tareas externas", "Variables")) {
      found.put("Cockpit, an exercise, tab " + tab, tabTexts(".ctn-tabbed", tab));
    }

    login("admin");
    String admin = "/camunda/app/admin/default/#";
    found.put("Admin", pageTexts(admin + "/", "Usuarios"));
    found.put("Admin, users", pageTexts(admin + "/users", "Lista de usuarios"));
    found.put("Admin, a user", pageTexts(admin + "/users/inai-monitor?tab=profile", "Monitoreo"));
    found.put("Admin, groups", pageTexts(admin + "/groups", "Lista de grupos"));
    found.put("Admin, tenants", pageTexts(admin + "/tenants", "Lista de entidades"));
    found.put("Admin, system", pageTexts(admin + "/system?section=system-settings-general", "Configuración general"));

    found.values().removeIf(List::isEmpty);
    assertThat(found).as("English words or variable keys on the pages of the webapps").isEmpty();
  }

  // --- reading ------------------------------------------------------------------------------------------------

  /** Opens the first open task {@code taskKey} of the exercise as a person who may work it and reads it. */
  private void read(ProcessInstance exercise, String taskKey, Map<String, List<String>> found) {
    Task task = exercises.tasks(exercise, taskKey).get(0);
    String user = task.getAssignee();
    if (user == null) {
      String group = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).findFirst().orElseThrow();
      user = userFor(task.getTenantId(), group);
    }
    login(user);
    browser.get("/camunda/app/tasklist/default/#/?task=" + task.getId());
    browser.textContaining(By.cssSelector(".task-details .task-card"), task.getName());
    browser.visible(FORM);
    browser.until("form " + taskKey + " drawn", d -> ((JavascriptExecutor) d).executeScript(
        "return document.querySelectorAll('[cam-tasklist-form-camunda] .fjs-form-field').length > 0 ? true : null;"));
    found.put(taskKey, foreignTexts(".task-details"));
    found.get(taskKey).addAll(cutOrOutside(".task-details"));
    shown.put(taskKey, browser.driver().findElement(FORM).getText().replaceAll("\\s+", " "));
    Matcher template = Pattern.compile("\\{\\{[^}]*}}").matcher(shown.get(taskKey));
    while (template.find()) { // a text template form-js left as it was written (a tag it does not know)
      found.get(taskKey).add("template not rendered: " + template.group());
    }
  }

  /** What is cut (a text wider than its box that hides the rest) or lies outside the screen under {@code css}. */
  private List<String> cutOrOutside(String css) {
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
        const out = [];
        document.querySelectorAll(arguments[0]).forEach(root => root.querySelectorAll('*').forEach(e => {
          const r = e.getBoundingClientRect();
          const style = getComputedStyle(e);
          const text = (e.innerText || e.value || '').trim();
          if (!e.getClientRects().length || r.width <= 1 || style.visibility === 'hidden' || e.closest('.sr-only')) {
            return;
          }
          if (!text && !['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(e.tagName)) {
            return;
          }
          const what = e.tagName + '.' + e.className + ' «' + text.slice(0, 40).replace(/\s+/g, ' ') + '»';
          if (r.left < -1 || r.right > window.innerWidth + 1) {
            out.push('outside the screen: ' + what);
          } else if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0
              && ['hidden', 'clip'].includes(style.overflowX) && !e.matches('input, textarea, select')) {
            out.push('cut: ' + what);
          }
          if (e.matches('[cam-tasklist-task-meta] li') && e.scrollHeight > e.clientHeight + 8) { // half a line
            out.push('spills over the next line: ' + what); // the groups over "Tomar la tarea" on a phone
          }
        }));
        return out;""", css);
    return new ArrayList<>(problems);
  }

  /** Opens a page, waits until its text contains {@code expected} and stops changing, and reads it. */
  private List<String> pageTexts(String path, String expected) {
    browser.get(path);
    browser.textContaining(By.tagName("body"), expected);
    settle();
    return foreignTexts("body");
  }

  /** Clicks the tab {@code label} of the tab set in {@code container}, waits until the page settles, reads it. */
  private List<String> tabTexts(String container, String label) {
    browser.click(By.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' " + container.substring(1) + " ')]"
        + "//ul[contains(@class,'nav-tabs')]/li/a[normalize-space(.)='" + label + "']"));
    browser.until("tab " + label + " active", d -> d.findElements(By.xpath("//ul[contains(@class,'nav-tabs')]"
        + "/li[contains(@class,'active')]/a[normalize-space(.)='" + label + "']")).isEmpty() ? null : true);
    settle();
    return foreignTexts("body");
  }

  /** Waits until the page's text has not changed for 800 ms (lists and tabs load after the page). */
  private void settle() {
    String[] last = {""};
    long[] since = {System.nanoTime()};
    browser.until("the page settled", d -> {
      String now = d.findElement(By.tagName("body")).getText();
      if (!now.equals(last[0])) {
        last[0] = now;
        since[0] = System.nanoTime();
      }
      return System.nanoTime() - since[0] > 800_000_000L ? true : null;
    });
  }

  /** The English words and keys in the visible text and the texts for the eye and the ear under {@code css}. */
  private List<String> foreignTexts(String css) {
    @SuppressWarnings("unchecked")
    List<String> texts = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
        const out = [];
        document.querySelectorAll(arguments[0]).forEach(root => {
          out.push(root.innerText);
          root.querySelectorAll('[placeholder],[title],[aria-label]').forEach(e => {
            if (e.getClientRects().length > 0) {
              ['placeholder', 'title', 'aria-label'].forEach(a => { if (e.getAttribute(a)) out.push(e.getAttribute(a)); });
            }
          });
        });
        return out;""", css);
    List<String> foreign = new ArrayList<>();
    for (String text : texts) {
      String checked = ALLOWED.matcher(text).replaceAll(" ");
      for (Pattern pattern : List.of(ENGLISH, KEY)) {
        Matcher m = pattern.matcher(checked);
        while (m.find()) {
          int from = Math.max(0, m.start() - 40);
          int to = Math.min(checked.length(), m.end() + 40);
          foreign.add("«" + m.group() + "» in …" + checked.substring(from, to).replace('\n', ' ') + "…");
        }
      }
    }
    return foreign;
  }

  // --- people -------------------------------------------------------------------------------------------------

  private String current;

  /** Signs in (out of the last account first) through the welcome page, which all three apps share. */
  private void login(String user) {
    if (user.equals(current)) {
      return;
    }
    browser.driver().manage().deleteAllCookies();
    browser.get("/camunda/app/welcome/default/");
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='username']"), user);
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='password']"), "demo");
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    browser.gone(By.cssSelector("form[name='signinForm']"));
    current = user;
  }

  /** A person of {@code group} in the entidad {@code tenant}: {@code <tenant>-<group>-prueba}, password "demo". */
  private String userFor(String tenant, String group) {
    var identity = engine.getIdentityService();
    String id = tenant + "-" + group + "-prueba";
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName("Persona");
      user.setLastName("de prueba");
      user.setEmail(id + "@prueba.mx");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(id, group);
      identity.createTenantUserMembership(tenant, id);
    }
    return id;
  }

  private void fire(ProcessInstance instance, String timer) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(timer).singleResult();
    engine.getManagementService().executeJob(job.getId());
  }
}
