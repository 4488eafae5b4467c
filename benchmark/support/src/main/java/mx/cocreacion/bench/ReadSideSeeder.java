package mx.cocreacion.bench;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read side at national scale (product only): {@code POST /bench/seed-read} writes the plan of
 * record of {@code exercises} exercises straight into the product's CC_* tables (JDBC batches):
 * per exercise 6 STL members, {@code commitments} approved commitments with {@code activities}
 * activities each and 2 progress reports per commitment; entidades in turn over the 32, years
 * 2100+. With {@code tasks=true} it also starts one real {@code outreach} instance per exercise
 * (same business key, its user task overdue and reminded a moment ago), so the microsite's overdue count,
 * Tasklist and the engine's runtime and history tables hold national-scale rows too.
 */
@RestController
public class ReadSideSeeder {

  static final List<String> ENTIDADES = List.of(("agu bcn bcs cam chp chh cmx coa col dur gua gro hid jal mex mic "
      + "mor nay nle oax pue que roo slp sin son tab tam tla ver yuc zac").split(" "));
  private static final String CRITERIA = "{\"inclusive\":true,\"strategic\":true,\"transformative\":true,"
      + "\"replicable\":true,\"measurable\":true,\"agenda2030\":true,\"gender\":false,\"anticorruption\":true}";

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;

  public ReadSideSeeder(DataSource dataSource, RuntimeService runtime) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.runtime = runtime;
  }

  @PostMapping("/bench/seed-read")
  public Map<String, Object> seed(@RequestParam(defaultValue = "2500") int exercises,
      @RequestParam(defaultValue = "10") int commitments, @RequestParam(defaultValue = "5") int activities,
      @RequestParam(defaultValue = "true") boolean tasks) {
    long t0 = System.nanoTime();
    Instant base = Instant.parse("2100-01-01T00:00:00Z");
    List<Object[]> ex = new ArrayList<>();
    List<Object[]> members = new ArrayList<>();
    List<Object[]> commits = new ArrayList<>();
    List<Object[]> reports = new ArrayList<>();
    for (int i = 0; i < exercises; i++) {
      String tenant = ENTIDADES.get(i % ENTIDADES.size());
      int year = 2100 + i / ENTIDADES.size();
      String id = "bench-" + i;
      String key = tenant + "-" + year;
      Timestamp started = Timestamp.from(base.plus(365L * (year - 2100), ChronoUnit.DAYS).plusSeconds(i));
      ex.add(new Object[] {id, key, key, tenant, year, "Ejercicio local " + key, "Órgano garante de " + tenant,
          "bench", started, 6, "consensus", "Persona facilitadora " + i, started, Timestamp.from(started.toInstant()
              .plus(730, ChronoUnit.DAYS)), started, "Plaza principal"});
      for (int m = 1; m <= 6; m++) {
        String sector = m <= 2 ? "guarantor" : m <= 4 ? "society" : "government";
        members.add(new Object[] {id, m, "Integrante " + m, "stl" + m + "." + i + "@bench.mx", sector,
            m % 2 == 1 ? "titular" : "suplente", "stl" + m + "." + i + "@bench.mx", started});
      }
      for (int c = 1; c <= commitments; c++) {
        commits.add(new Object[] {id, c, "Compromiso " + c + " de " + key, "Problema público " + c,
            "Descripción del compromiso " + c, "Dependencia responsable " + c, "16," + (c % 17 + 1), CRITERIA,
            started, (c % 5) / 4.0, c % 3 == 0});
        for (int r = 1; r <= 2; r++) {
          reports.add(new Object[] {id, c, r, "bench", Timestamp.from(started.toInstant().plus(30L * r, ChronoUnit.DAYS)),
              "[]", r / 4.0});
        }
      }
    }
    jdbc.batchUpdate("""
        insert into cc_exercise (id, business_key, active_key, tenant_id, exercise_year, name, guarantor_body,
          started_by, started_at, current_step, decision_rule, facilitator_name, pal_start, pal_end, launch_date,
          launch_place) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ex);
    jdbc.batchUpdate("""
        insert into cc_stl_member (exercise_id, position, name, email, sector, member_role, user_id, elected_at, active)
        values (?, ?, ?, ?, ?, ?, ?, ?, true)""", members);
    jdbc.batchUpdate("""
        insert into cc_commitment (exercise_id, position, title, problem, description, responsible, sdgs, criteria,
          approved, approved_at, progress, starred) values (?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)""", commits);
    jdbc.batchUpdate("""
        insert into cc_progress_report (exercise_id, commitment_position, report_number, reported_by, reported_at,
          statuses, progress) values (?, ?, ?, ?, ?, ?, ?)""", reports);
    List<Object[]> acts = new ArrayList<>();
    jdbc.query("select id from cc_commitment where exercise_id like 'bench-%'", rs -> {
      long commitment = rs.getLong(1);
      for (int a = 1; a <= activities; a++) {
        acts.add(new Object[] {commitment, a, "Actividad " + a, "Informe público", "Informes publicados", "0", "1",
            Date.valueOf(LocalDate.of(2101, 1 + a, 1)), a <= 2 ? "done" : a == 3 ? "in-progress" : "not-started"});
      }
    });
    jdbc.batchUpdate("""
        insert into cc_activity (commitment_id, position, title, product, indicator, baseline, target, due_date, status)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", acts);
    int started = 0;
    if (tasks) {
      for (int i = 0; i < exercises; i++) {
        String tenant = ENTIDADES.get(i % ENTIDADES.size());
        String key = tenant + "-" + (2100 + i / ENTIDADES.size());
        runtime.startProcessInstanceByKey("outreach", key, Map.of("entity", tenant, "exerciseId", "bench-" + i,
            "exerciseName", "Ejercicio local " + key));
        started++;
      }
      jdbc.update("update ACT_RU_TASK set DUE_DATE_ = ?", Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)));
      // Reminded a moment ago, as an overdue task is in a steady state: the reminder sweep leaves them for a
      // period (the timers design's timers, which the update above does not move, do not fall due either).
      // Without it the sweep sends 2,500 reminders while the people or the read side are measured, and each
      // fails: these instances belong to no exercise of the plan of record (exercise_id stays null here).
      jdbc.update("""
          insert into cc_reminder (exercise_id, task_id, task_key, task_name, sequence, recipients, escalated, sent_at,
            due_date) select null, ID_, TASK_DEF_KEY_, NAME_, 1, '', false, ?, DUE_DATE_ from ACT_RU_TASK""",
          Timestamp.from(Instant.now()));
    }
    return Map.of("exercises", ex.size(), "stlMembers", members.size(), "commitments", commits.size(),
        "activities", acts.size(), "progressReports", reports.size(), "outreachInstances", started,
        "millis", (System.nanoTime() - t0) / 1_000_000);
  }
}
