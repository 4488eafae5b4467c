package mx.cocreacion.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.cocreacion.declaration.DeclarationProcess;
import mx.cocreacion.exercise.ExerciseVariables;
import mx.cocreacion.exercise.LocalExerciseProcess;
import mx.cocreacion.followup.CommitmentImplementationProcess;
import mx.cocreacion.followup.FollowUpProcess;
import mx.cocreacion.outreach.OutreachProcess;
import mx.cocreacion.pal.PalLaunchProcess;
import mx.cocreacion.plan.Amendment;
import mx.cocreacion.security.DemoUsers;
import mx.cocreacion.security.Roles;
import mx.cocreacion.stl.StlIntegrationProcess;
import mx.cocreacion.tenancy.EntityCatalogue;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.TaskInput;
import mx.cocreacion.worktables.WorkingTablesProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo exercises, walked through the real processes: every step is a task completed with the
 * submission a person would make (so the same completion listener checks and records it as for
 * anyone else), the step 6 timers are fired by executing their jobs, and evidence files go through
 * the same path as the forms' ({@code evidence} File variable of report-progress). Nothing is
 * inserted into the project's tables directly.
 *
 * <ul>
 *   <li>{@link #startOaxaca}: an exercise of Oaxaca at step 1 (the declaration to sign).</li>
 *   <li>{@link #seedJalisco}: Jalisco in step 6, launched about 100 days ago, with progress reports
 *       and evidence; two reports are due (open in Tasklist for the STL) and INAI's monitoring is
 *       still ahead.</li>
 *   <li>{@link #seedCampeche}: Campeche, a PAL that ended two months ago: reports, INAI's monitoring
 *       and evaluation, one starred commitment; the exercise is finished.</li>
 * </ul>
 *
 * The content dates are relative to today (the engine clock): launch dates and the end of the PAL
 * are what the timers read ({@code followUpCalendar}, {@code palEnd}), so no clock is moved. Tasks
 * are assigned to the demo person of their group before they are completed, so the minutes name
 * someone ({@code jal-guarantor}, an STL member, {@code inai-monitor}...). Demo mode only.
 */
@Component
@Profile(DemoExercises.NOT_IN_PRODUCTION)
@ConditionalOnProperty(name = "cocreacion.demo.enabled", havingValue = "true")
public class DemoExercises {

  private static final Logger LOG = LoggerFactory.getLogger(DemoExercises.class);

  /** Profile condition: none of the production profiles of {@code ProductionGuard} is active. */
  static final String NOT_IN_PRODUCTION = "!postgres & !prod & !production";

  /** Jalisco's PAL was launched this many days before today. */
  static final int JALISCO_LAUNCHED_DAYS_AGO = 100;
  /** Campeche's PAL (one year) was launched this many days before today: it ended about two months ago. */
  static final int CAMPECHE_LAUNCHED_DAYS_AGO = 430;

  private final ProcessEngine engine;

  public DemoExercises(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The exercise of Oaxaca of {@code year} at step 1: its three users find the declaration to sign. */
  public ProcessInstance startOaxaca(int year) {
    String tenant = "oax";
    return start(tenant, year, "Órgano Garante de Acceso a la Información Pública, Transparencia, Protección de "
        + "Datos Personales y Buen Gobierno del Estado de Oaxaca");
  }

  /** Jalisco's exercise of {@code year}, in step 6 with progress reports and evidence. */
  public ProcessInstance seedJalisco(int year) {
    DemoPlan plan = DemoPlan.jalisco();
    Walk walk = new Walk(plan, start(plan.entity(), year, plan.guarantorBody()),
        today().minusDays(JALISCO_LAUNCHED_DAYS_AGO));
    walk.throughLaunch(7);
    walk.session(15, "Sala de sesiones del ITEI, Guadalajara", "Se acordó el calendario de informes de avance y que "
        + "cada dependencia responsable designe a una persona enlace.");

    walk.report(1, 20, measured(statuses("done", "in-progress", "not-started"), "1", "3", null), null,
        walk.pdf("minuta-comites-del-agua.pdf", "Minuta de instalación de los comités ciudadanos del agua",
            "Se instalaron los primeros tres comités ciudadanos del agua en Guadalajara, Zapopan y Tlaquepaque.",
            "Se acordó publicar cada mes los resultados de calidad del agua por colonia."));
    walk.nextReportDue(1);
    // The second report proposes moving the complaints board's due date; the STL approves it: version 2.
    walk.report(1, 50, measured(statuses("done", "done", "in-progress"), "2", "8", "15 %"),
        "https://datos.jalisco.gob.mx/dataset/calidad-del-agua-por-colonia", null,
        "Ya se publican los resultados mensuales y están instalados los ocho comités. El tablero de quejas espera "
            + "la conexión con el sistema de atención de la Comisión Estatal del Agua.",
        Variables.createVariables()
            .putValue(CommitmentImplementationProcess.VAR_AMENDMENT_KIND, Amendment.MOVE_DUE_DATE)
            .putValue(CommitmentImplementationProcess.VAR_AMENDED_ACTIVITY, "3")
            .putValue(CommitmentImplementationProcess.VAR_NEW_DUE_DATE, walk.launch.plusMonths(10).toString())
            .putValue(CommitmentImplementationProcess.VAR_AMENDMENT_REASON, "La Comisión Estatal del Agua conecta su "
                + "sistema de atención hasta el próximo ejercicio presupuestal; sin esa conexión el tablero no tendría quejas."));
    walk.voteAmendment(1, true, true, true);
    walk.nextReportDue(1);
    walk.report(2, 60, measured(statuses("in-progress", "not-started"), "12", null), "https://obrapublica.jalisco.gob.mx/movilidad", null);
    walk.nextReportDue(2);
    // The third commitment's report proposes one more activity; one titular votes against: not under consensus.
    walk.report(3, 80, statuses("done", "in-progress"), null,
        walk.pdf("actas-asambleas-paritarias.pdf", "Actas de las asambleas paritarias del presupuesto participativo",
            "Se realizaron cuatro asambleas con participación paritaria (52 % mujeres).",
            "Los proyectos elegidos se publican con su seguimiento trimestral."), null,
        Variables.createVariables()
            .putValue(CommitmentImplementationProcess.VAR_AMENDMENT_KIND, Amendment.ADD_ACTIVITY)
            .putValue(CommitmentImplementationProcess.VAR_NEW_ACTIVITY_TITLE, "Asambleas en municipios indígenas")
            .putValue(CommitmentImplementationProcess.VAR_NEW_ACTIVITY_PRODUCT, "Actas de asambleas con intérprete")
            .putValue(CommitmentImplementationProcess.VAR_NEW_ACTIVITY_INDICATOR, "Asambleas realizadas")
            .putValue(CommitmentImplementationProcess.VAR_NEW_ACTIVITY_TARGET, "6")
            .putValue(CommitmentImplementationProcess.VAR_NEW_ACTIVITY_DUE_DATE, walk.launch.plusMonths(11).toString())
            .putValue(CommitmentImplementationProcess.VAR_AMENDMENT_REASON, "Llevar el presupuesto participativo a los "
                + "municipios de la región norte."));
    walk.voteAmendment(3, true, false, true);
    LOG.info("Modo demo: ejercicio {} en el paso 6 (seguimiento) con informes de avance y evidencia",
        walk.exercise.getBusinessKey());
    return walk.exercise;
  }

  /** Campeche's exercise of {@code year}: finished, with monitoring, evaluation and a starred commitment. */
  public ProcessInstance seedCampeche(int year) {
    DemoPlan plan = DemoPlan.campeche();
    Walk walk = new Walk(plan, start(plan.entity(), year, plan.guarantorBody()),
        today().minusDays(CAMPECHE_LAUNCHED_DAYS_AGO));
    walk.throughLaunch(4);
    walk.session(20, "Sala de plenos de la COTAIPEC, San Francisco de Campeche", "Se revisó el avance del padrón de "
        + "pesca y se pidió a la Secretaría de Salud una fecha para firmar el convenio de datos.");
    walk.session(200, "En línea", "Se aprobó presentar la autoevaluación del STL al cierre de la vigencia y se "
        + "reprogramó la publicación de los datos de atención materna.");

    walk.report(1, 30, measured(statuses("done", "in-progress"), "100 %", "6"), null,
        walk.pdf("padron-de-permisos-de-pesca.pdf", "Padrón de permisos de pesca: primera publicación",
            "El padrón de 1,284 permisos de pesca ribereña se publicó en datos abiertos.",
            "Las cooperativas de Champotón y Ciudad del Carmen lo verificaron en asamblea."));
    walk.nextReportDue(1);
    walk.report(1, 75, measured(statuses("done", "done"), "100 %", "15"), "https://datos.campeche.gob.mx/dataset/padron-de-pesca", null);
    walk.report(2, 45, measured(statuses("done", "not-started"), "6", null), "https://salud.campeche.gob.mx/materiales-en-maya", null);
    walk.nextReportDue(2);
    walk.report(2, 120, statuses("done", "in-progress"), null, null);

    walk.fire(FollowUpProcess.EVENT_SIX_MONTHS_AFTER_LAUNCH);
    walk.complete(FollowUpProcess.TASK_MONITOR_COMMITMENTS, Variables.createVariables()
        .putValueTyped(FollowUpProcess.VAR_MONITORING, json("""
            [{"commitment":1,"verifiable":true,"relevant":true,"potentialImpact":"transformative",
              "notes":"Abre un padrón antes reservado y lo somete a verificación de las cooperativas."},
             {"commitment":2,"verifiable":true,"relevant":true,"potentialImpact":"moderate",
              "notes":"Relevante para la inclusión; falta precisar el indicador de uso de los materiales."}]""")));
    walk.fire(FollowUpProcess.EVENT_PAL_ENDED);
    walk.complete(FollowUpProcess.TASK_SELF_ASSESS_PAL, Variables.createVariables()
        .putValue(FollowUpProcess.VAR_ACHIEVEMENTS, "El padrón de permisos de pesca ribereña se publicó en datos abiertos y "
            + "15 cooperativas lo verificaron; los materiales de salud materna en lengua maya llegan a los centros de salud.")
        .putValue(FollowUpProcess.VAR_DIFFICULTIES, "La publicación de los datos de atención materna esperó la firma de un "
            + "convenio con la Secretaría de Salud que no llegó a tiempo.")
        .putValue(FollowUpProcess.VAR_LESSONS, "Acordar al inicio, por escrito, quién publica cada conjunto de datos y en "
            + "qué fecha."));
    walk.complete(FollowUpProcess.TASK_EVALUATE_PERFORMANCE, Variables.createVariables()
        .putValueTyped(FollowUpProcess.VAR_EVALUATION, json("""
            [{"commitment":1,"completion":"complete","openedGovernment":"major",
              "notes":"Padrón publicado y verificado en 15 cooperativas."},
             {"commitment":2,"completion":"limited","openedGovernment":"marginal",
              "notes":"Materiales entregados; los datos abiertos de atención quedaron pendientes."}]""")));
    LOG.info("Modo demo: ejercicio {} concluido con monitoreo, autoevaluación del STL, evaluación y un compromiso destacado",
        walk.exercise.getBusinessKey());
    return walk.exercise;
  }

  private ProcessInstance start(String tenant, int year, String guarantorBody) {
    return engine.getRuntimeService().startProcessInstanceByKey(LocalExerciseProcess.KEY, tenant + "-" + year,
        Variables.createVariables()
            .putValue(ExerciseVariables.ENTITY, tenant)
            .putValue(ExerciseVariables.EXERCISE_NAME,
                "Cocreación desde lo local, " + EntityCatalogue.nameOf(tenant) + " " + year)
            .putValue(ExerciseVariables.GUARANTOR_BODY, guarantorBody));
  }

  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(Dates.MEXICO).toLocalDate();
  }

  /** The rows with the value each activity's indicator reached in the report (null: not measured). */
  private static String measured(String statusesJson, String... values) {
    try {
      var rows = (ArrayNode) TaskInput.mapper().readTree(statusesJson);
      for (int i = 0; i < values.length && i < rows.size(); i++) {
        if (values[i] != null) {
          ((ObjectNode) rows.get(i)).put("value", values[i]);
        }
      }
      return rows.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String statuses(String... statuses) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < statuses.length; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("activity", i + 1);
      row.put("status", statuses[i]);
      rows.add(row);
    }
    return write(rows);
  }

  private static org.camunda.spin.plugin.variable.value.JsonValue json(String json) {
    return SpinValues.jsonValue(json).create();
  }

  private static String write(Object value) {
    try {
      return TaskInput.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One exercise being walked: its plan, its launch date and who does each group's tasks. */
  private final class Walk {

    private final DemoPlan plan;
    private final ProcessInstance exercise;
    private final LocalDate launch;
    private final TaskService tasks = engine.getTaskService();
    private final RuntimeService runtime = engine.getRuntimeService();
    private final ManagementService management = engine.getManagementService();

    Walk(DemoPlan plan, ProcessInstance exercise, LocalDate launch) {
      this.plan = plan;
      this.exercise = exercise;
      this.launch = launch;
    }

    /** Steps 1–5: from the declaration to the public launch; {@code activities} due dates are spread over the PAL. */
    void throughLaunch(int activities) {
      for (Task task : open(DeclarationProcess.TASK_SIGN_DECLARATION)) {
        String sector = (String) tasks.getVariable(task.getId(), DeclarationProcess.VAR_SECTOR);
        int index = List.of(Roles.GUARANTOR, Roles.SOCIETY, Roles.GOVERNMENT).indexOf(sector);
        complete(task, Variables.createVariables()
            .putValue(DeclarationProcess.VAR_SIGNATORY_NAME, plan.signatories().get(index))
            .putValue(DeclarationProcess.VAR_SIGNATORY_POSITION, List.of("Comisionada presidenta del " + plan.guarantorBody(),
                "Representante de las organizaciones de la sociedad civil", "Titular de la Secretaría de la Contraloría del Estado")
                .get(index))
            .putValue(DeclarationProcess.VAR_SIGNED, true)
            .putValue(DeclarationProcess.VAR_SIGNED_ON, day(-210 + index)));
      }

      List<Map<String, Object>> sessions = new ArrayList<>();
      plan.outreachSessions().forEach(s -> sessions.add(Map.of("date", day(s.day()), "place", s.place(),
          "attendees", s.attendees())));
      List<Map<String, Object>> actors = new ArrayList<>();
      plan.actors().forEach(a -> actors.add(Map.of("name", a.name(), "organization", a.organization(),
          "sector", a.sector(), "email", a.email())));
      complete(OutreachProcess.TASK_CONDUCT_OUTREACH, Variables.createVariables()
          .putValueTyped(OutreachProcess.VAR_OUTREACH_SESSIONS, json(write(sessions)))
          .putValueTyped(OutreachProcess.VAR_ACTORS, json(write(actors))));

      complete(StlIntegrationProcess.TASK_CONVENE_STL_MEETING, Variables.createVariables()
          .putValue(StlIntegrationProcess.VAR_MEETING_DATE, day(-170))
          .putValue(StlIntegrationProcess.VAR_MEETING_PLACE, "Sala de plenos, " + plan.guarantorBody())
          .putValue(StlIntegrationProcess.VAR_INVITE_REGISTERED_ACTORS, true)
          .putValue(StlIntegrationProcess.VAR_MEETING_INVITEES,
              "Universidades públicas de la entidad y colegios de profesionistas."));
      List<Map<String, Object>> members = new ArrayList<>();
      plan.stl().forEach(m -> members.add(Map.of("name", m.name(), "email", m.email(), "sector", m.sector(),
          "role", m.role())));
      // The minutes of the meeting, attached as Tasklist's «Evidencia» tab does (the election needs them).
      Task election = single(open(StlIntegrationProcess.TASK_ELECT_STL), StlIntegrationProcess.TASK_ELECT_STL);
      attach(election, pdf("acta-instalacion-stl.pdf", "Acta de la reunión de instalación del Secretariado Técnico Local",
          "En la sala de plenos del " + plan.guarantorBody() + " se reunieron los actores locales convocados.",
          "Cada sector eligió a su titular y a su suplente: " + String.join(", ", plan.stl().stream()
              .map(DemoPlan.Member::name).toList()) + "."), "Acta firmada de la reunión de instalación del STL");
      complete(election, Variables.createVariables()
          .putValueTyped(StlIntegrationProcess.VAR_STL_MEMBERS, json(write(members))));
      Task rules = single(open(StlIntegrationProcess.TASK_DEFINE_STL_RULES), StlIntegrationProcess.TASK_DEFINE_STL_RULES);
      attach(rules, pdf("acta-reglas-stl.pdf", "Acta de la primera sesión del Secretariado Técnico Local",
          "Las personas titulares y suplentes de los tres sectores acordaron sus reglas de integración e interacción.",
          plan.rulesText()), "Acta firmada de la sesión en que el STL acordó sus reglas");
      complete(rules, Variables.createVariables()
          .putValue(StlIntegrationProcess.VAR_DECISION_RULE, plan.decisionRule())
          .putValue(StlIntegrationProcess.VAR_RULES_TEXT, plan.rulesText()));
      complete(StlIntegrationProcess.TASK_SELECT_FACILITATOR, Variables.createVariables()
          .putValue(StlIntegrationProcess.VAR_FACILITATOR_NAME, plan.facilitator().name())
          .putValue(StlIntegrationProcess.VAR_FACILITATOR_EMAIL, plan.facilitator().email())
          .putValue(StlIntegrationProcess.VAR_FACILITATOR_REASON, "Condujo mesas de diálogo entre sociedad civil y "
              + "gobierno en la entidad y no pertenece a ninguno de los tres sectores del STL."));
      // Every titular votes for the proposed facilitator (the STL's rule decides).
      for (Task vote : open(StlIntegrationProcess.TASK_VOTE_FACILITATOR)) {
        complete(vote, Variables.createVariables()
            .putValue(StlIntegrationProcess.VAR_FACILITATOR_APPROVED, true)
            .putValue(StlIntegrationProcess.VAR_FACILITATOR_COMMENTS, ""));
      }
      List<Map<String, Object>> agenda = new ArrayList<>();
      plan.agenda().forEach(a -> agenda.add(Map.of("date", day(a.day()), "activity", a.text())));
      Task agendaTask = single(open(StlIntegrationProcess.TASK_DRAFT_ANNUAL_AGENDA), StlIntegrationProcess.TASK_DRAFT_ANNUAL_AGENDA);
      attach(agendaTask, pdf("acta-agenda-stl.pdf", "Acta de la sesión del Secretariado Técnico Local sobre su agenda anual",
          "Las personas titulares aprobaron la agenda anual de trabajo del STL.",
          String.join("; ", plan.agenda().stream().map(DemoPlan.Dated::text).toList()) + "."),
          "Acta firmada de la sesión en que el STL aprobó su agenda anual");
      complete(agendaTask, Variables.createVariables()
          .putValueTyped(StlIntegrationProcess.VAR_AGENDA, json(write(agenda))));

      List<Map<String, Object>> tables = new ArrayList<>();
      plan.workingTables().forEach(t -> tables.add(Map.of("topic", t.topic(), "date", day(t.day()))));
      complete(WorkingTablesProcess.TASK_PLAN_WORKING_TABLES, Variables.createVariables()
          .putValueTyped(WorkingTablesProcess.VAR_WORKING_TABLES, json(write(tables))));
      List<Task> held = open(WorkingTablesProcess.TASK_HOLD_WORKING_TABLE);
      for (int i = 0; i < held.size(); i++) {
        DemoPlan.Table table = plan.workingTables().get(i % plan.workingTables().size());
        List<Map<String, Object>> participants = new ArrayList<>();
        table.participants().forEach(p -> participants.add(Map.of("name", p.name(), "sector", p.sector(),
            "organization", p.organization())));
        complete(held.get(i), Variables.createVariables()
            .putValueTyped(WorkingTablesProcess.VAR_PARTICIPANTS, json(write(participants)))
            .putValueTyped(WorkingTablesProcess.VAR_PROBLEMS, json(write(table.problems()))));
      }
      Object[] dueDates = new Object[activities];
      for (int i = 0; i < activities; i++) {
        dueDates[i] = day(90 + i * 240 / Math.max(1, activities - 1));
      }
      complete(WorkingTablesProcess.TASK_CONSOLIDATE_COMMITMENTS, Variables.createVariables()
          .putValueTyped(WorkingTablesProcess.VAR_COMMITMENTS, json(plan.commitmentsJson().formatted(dueDates))));
      // Each titular votes each commitment of the vote (the rows their task offers), as the form does.
      for (Task approval : open(WorkingTablesProcess.TASK_APPROVE_COMMITMENTS)) {
        List<Map<String, Object>> votes = new ArrayList<>();
        ((SpinJsonNode) tasks.getVariable(approval.getId(), WorkingTablesProcess.VAR_VOTES)).elements().forEach(row ->
            votes.add(Map.of("position", row.prop("position").numberValue(), "approved", true, "comments", "")));
        complete(approval, Variables.createVariables()
            .putValueTyped(WorkingTablesProcess.VAR_VOTES, json(write(votes)))
            .putValue(WorkingTablesProcess.VAR_COMMENTS, "De acuerdo con los compromisos consolidados."));
      }

      Task schedule = single(open(PalLaunchProcess.TASK_SCHEDULE_PAL), PalLaunchProcess.TASK_SCHEDULE_PAL);
      attach(schedule, pdf("acta-vigencia-pal.pdf", "Acta de la sesión del STL sobre la vigencia del Plan de Acción Local",
          "El STL acordó que el Plan de Acción Local tenga vigencia de un año a partir de su lanzamiento público."),
          "Acta firmada de la sesión en que el STL fijó la vigencia del PAL");
      complete(schedule, Variables.createVariables()
          .putValue(PalLaunchProcess.VAR_PAL_START, day(0))
          .putValue(PalLaunchProcess.VAR_PAL_END, launch.plusYears(1).toString()));
      Task launchEvent = single(open(PalLaunchProcess.TASK_HOLD_PUBLIC_LAUNCH), PalLaunchProcess.TASK_HOLD_PUBLIC_LAUNCH);
      attach(launchEvent, pdf("memoria-lanzamiento-pal.pdf", "Memoria del lanzamiento público del Plan de Acción Local",
          "El Plan de Acción Local se presentó en " + plan.launchPlace() + " ante la ciudadanía, los medios y las "
              + "instituciones participantes.", "Se anexan la invitación, la lista de asistencia y las fotografías del evento."),
          "Invitación, lista de asistencia y fotografías del evento");
      complete(launchEvent, Variables.createVariables()
          .putValue(PalLaunchProcess.VAR_LAUNCH_DATE, day(0))
          .putValue(PalLaunchProcess.VAR_LAUNCH_PLACE, plan.launchPlace()));
    }

    /**
     * Completes the open report-progress of commitment {@code position} as of {@code day} days after the launch;
     * evidence link and file are optional.
     */
    void report(int position, int day, String statusesJson, String evidenceUrl, DemoFile evidence) {
      report(position, day, statusesJson, evidenceUrl, evidence, null);
    }

    /** The same, with what the STL tells of the period. */
    void report(int position, int day, String statusesJson, String evidenceUrl, DemoFile evidence, String narrative) {
      report(position, day, statusesJson, evidenceUrl, evidence, narrative, Variables.createVariables());
    }

    /** The same, proposing the amendment in {@code amendment} (its fields of report-progress). */
    void report(int position, int day, String statusesJson, String evidenceUrl, DemoFile evidence, String narrative,
        VariableMap amendment) {
      Task task = single(tasks.createTaskQuery().processInstanceId(implementation(position).getId())
          .taskDefinitionKey(CommitmentImplementationProcess.TASK_REPORT_PROGRESS).list(),
          CommitmentImplementationProcess.TASK_REPORT_PROGRESS);
      VariableMap variables = Variables.createVariables()
          .putValueTyped(CommitmentImplementationProcess.VAR_ACTIVITY_PROGRESS, json(statusesJson))
          .putValue(CommitmentImplementationProcess.VAR_REPORTED_ON, day(day));
      if (narrative != null) {
        variables.putValue(CommitmentImplementationProcess.VAR_NARRATIVE, narrative);
      }
      if (evidenceUrl != null) {
        variables.putValue(CommitmentImplementationProcess.VAR_EVIDENCE_URL, evidenceUrl);
      }
      if (evidence != null) {
        variables.putValueTyped(CommitmentImplementationProcess.VAR_EVIDENCE,
            Variables.fileValue(evidence.name()).file(evidence.content()).mimeType("application/pdf").create());
      }
      variables.putAll(amendment);
      complete(task, variables);
    }

    /** The titulars vote the amendment of commitment {@code position} in seat order (against says why). */
    void voteAmendment(int position, boolean... inFavour) {
      List<Task> votes = tasks.createTaskQuery().processInstanceId(implementation(position).getId())
          .taskDefinitionKey(CommitmentImplementationProcess.TASK_VOTE_AMENDMENT).orderByTaskAssignee().asc().list();
      for (int i = 0; i < votes.size(); i++) {
        boolean yes = i >= inFavour.length || inFavour[i];
        VariableMap vote = Variables.createVariables().putValue(CommitmentImplementationProcess.VAR_APPROVED, yes);
        if (!yes) {
          vote.putValue(CommitmentImplementationProcess.VAR_COMMENTS,
              "Primero hay que cumplir las asambleas ya comprometidas; propongámoslo en el siguiente PAL.");
        }
        complete(votes.get(i), vote);
      }
    }

    /** The next report of commitment {@code position} is due now: its timer's job is executed. */
    void nextReportDue(int position) {
      execute(management.createJobQuery().processInstanceId(implementation(position).getId())
          .activityId(CommitmentImplementationProcess.EVENT_NEXT_REPORT_DUE).list(),
          CommitmentImplementationProcess.EVENT_NEXT_REPORT_DUE);
    }

    /** Executes the job of a step 6 timer of the follow-up ({@code Event_...}). */
    void fire(String timerEvent) {
      ProcessInstance followUp = runtime.createProcessInstanceQuery().processDefinitionKey(FollowUpProcess.KEY)
          .processInstanceBusinessKey(exercise.getBusinessKey()).singleResult();
      execute(management.createJobQuery().processInstanceId(followUp.getId()).activityId(timerEvent).list(), timerEvent);
    }

    void complete(String taskKey, VariableMap variables) {
      complete(single(open(taskKey), taskKey), variables);
    }

    /** The STL records an ordinary session held {@code offset} days after the launch, with its minutes attached. */
    void session(int offset, String place, String agreements) {
      Task session = single(open(LocalExerciseProcess.TASK_RECORD_STL_SESSION), LocalExerciseProcess.TASK_RECORD_STL_SESSION);
      attach(session, pdf("acta-sesion-ordinaria-" + day(offset) + ".pdf", "Acta de la sesión ordinaria del Secretariado "
          + "Técnico Local", "Sesión celebrada en " + place + ".", "Acuerdos: " + agreements),
          "Acta firmada de la sesión ordinaria del STL");
      complete(session, Variables.createVariables()
          .putValue(StlIntegrationProcess.VAR_SESSION_DATE, day(offset))
          .putValue(StlIntegrationProcess.VAR_SESSION_KIND, StlIntegrationProcess.SESSION_ORDINARY)
          .putValue(StlIntegrationProcess.VAR_SESSION_PLACE, place)
          .putValue(StlIntegrationProcess.VAR_AGREEMENTS, agreements));
    }

    /** Attaches a document to the task, as a person does in Tasklist's «Evidencia» tab before completing it. */
    void attach(Task task, DemoFile file, String description) {
      tasks.createAttachment("application/pdf", task.getId(), task.getProcessInstanceId(), file.name(), description,
          new java.io.ByteArrayInputStream(file.content()));
    }

    /** Assigns the task to the demo person of its group (unless assigned) and completes it. */
    void complete(Task task, VariableMap variables) {
      if (task.getAssignee() == null) {
        tasks.setAssignee(task.getId(), personFor(task));
      }
      tasks.complete(task.getId(), variables);
    }

    DemoFile pdf(String name, String title, String... paragraphs) {
      var out = new ByteArrayOutputStream();
      var document = new Document(PageSize.LETTER, 56, 56, 56, 56);
      try {
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph(title, new Font(Font.HELVETICA, 15, Font.BOLD)));
        document.add(new Paragraph(EntityCatalogue.nameOf(plan.entity()) + " — " + exercise.getBusinessKey(),
            new Font(Font.HELVETICA, 10, Font.ITALIC)));
        for (String paragraph : paragraphs) {
          Paragraph p = new Paragraph(paragraph, new Font(Font.HELVETICA, 11));
          p.setSpacingBefore(10);
          document.add(p);
        }
        document.add(new Paragraph("Documento de demostración generado por la plataforma.",
            new Font(Font.HELVETICA, 8, Font.ITALIC)));
      } catch (DocumentException e) {
        throw new IllegalStateException("No se pudo generar el PDF de demostración " + name, e);
      } finally {
        document.close();
      }
      return new DemoFile(name, out.toByteArray());
    }

    private String personFor(Task task) {
      List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList();
      String group = groups.isEmpty() ? Roles.GUARANTOR : groups.get(0);
      return switch (group) {
        case Roles.STL -> plan.stl().get(0).email();
        case Roles.FACILITATOR -> plan.facilitator().email();
        case Roles.INAI -> DemoUsers.INAI_MONITOR;
        default -> plan.entity() + "-" + group;
      };
    }

    private ProcessInstance implementation(int position) {
      return runtime.createProcessInstanceQuery().processDefinitionKey(CommitmentImplementationProcess.KEY)
          .processInstanceBusinessKey(exercise.getBusinessKey()).list().stream()
          .filter(pi -> Integer.valueOf(position).equals(
              runtime.getVariable(pi.getId(), CommitmentImplementationProcess.VAR_COMMITMENT_POSITION)))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("Sin implementación abierta del compromiso " + position
              + " en " + exercise.getBusinessKey()));
    }

    private List<Task> open(String taskKey) {
      return tasks.createTaskQuery().processInstanceBusinessKey(exercise.getBusinessKey())
          .taskDefinitionKey(taskKey).orderByTaskCreateTime().asc().list();
    }

    private void execute(List<Job> jobs, String what) {
      management.executeJob(single(jobs, what).getId());
    }

    private <T> T single(List<T> found, String what) {
      if (found.size() != 1) {
        throw new IllegalStateException("Se esperaba una sola tarea o temporizador " + what + " en "
            + exercise.getBusinessKey() + ", hay " + found.size());
      }
      return found.get(0);
    }

    /** The date {@code offset} days from the launch, as the forms submit it (yyyy-MM-dd). */
    private String day(int offset) {
      return launch.plusDays(offset).toString();
    }
  }

  /** A generated evidence file. */
  record DemoFile(String name, byte[] content) {}
}
