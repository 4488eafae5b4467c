package mx.cocreacion.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/** Valid completion variables for every task of the contract, as a person would submit them. */
public final class TestVariables {

  private TestVariables() {}

  public static TypedValue json(String json) {
    return SpinValues.jsonValue(json).create();
  }

  public static VariableMap start(String entity) {
    return Variables.createVariables()
        .putValue("entity", entity)
        .putValue("exerciseName", "Ejercicio local de gobierno abierto")
        .putValue("guarantorBody", "Órgano garante de " + entity);
  }

  /** A signature of 15 January 2026: before every meeting, table and launch of these variables. */
  public static VariableMap signDeclaration(String signatory) {
    return Variables.createVariables().putValue("signatoryName", signatory).putValue("signed", true)
        .putValue("signedOn", "2026-01-15");
  }

  public static VariableMap conductOutreach() {
    return Variables.createVariables()
        .putValueTyped("outreachSessions", json("[{\"date\":\"2031-01-10\",\"place\":\"Sede del órgano garante\",\"attendees\":30}]"))
        .putValueTyped("actors", json("""
            [{"name":"Ana Ruiz","organization":"Órgano garante","sector":"guarantor","email":"ana@garante.mx"},
             {"name":"Colectivo Abierto","organization":"OSC","sector":"society","email":"contacto@osc.mx"},
             {"name":"Secretaría de Finanzas","organization":"Gobierno del estado","sector":"government","email":""}]"""));
  }

  public static VariableMap conveneStlMeeting() {
    return Variables.createVariables().putValue("meetingDate", "2031-02-01")
        .putValue("meetingPlace", "Sala de plenos del órgano garante").putValue("inviteRegisteredActors", true)
        .putValue("meetingInvitees", "Universidad estatal; Colegio de Contadores");
  }

  /** The minutes of an STL session (define-stl-rules and schedule-pal require them): a small PDF. */
  public static TypedValue sessionMinutes(String fileName) {
    return Variables.fileValue(fileName).file(Http.pdf(2048)).mimeType("application/pdf").create();
  }

  /** The minutes of the meeting that elected the STL (elect-stl requires them): a small PDF. */
  public static TypedValue meetingMinutes() {
    return Variables.fileValue("acta-reunion-stl.pdf").file(Http.pdf(2048)).mimeType("application/pdf").create();
  }

  /** Two members per sector (titular and suplente); e-mails made unique by {@code tag}. */
  public static List<Map<String, String>> stlMembers(String tag) {
    List<Map<String, String>> members = new ArrayList<>();
    for (String sector : List.of("guarantor", "society", "government")) {
      for (String role : List.of("titular", "suplente")) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "Persona " + role + " " + sector);
        m.put("email", role + "." + sector + "." + tag + "@stl.mx");
        m.put("sector", sector);
        m.put("role", role);
        members.add(m);
      }
    }
    return members;
  }

  public static VariableMap electStl(String tag) {
    return Variables.createVariables().putValueTyped("stlMembers", json(toJson(stlMembers(tag))))
        .putValueTyped("meetingMinutes", meetingMinutes());
  }

  public static VariableMap defineStlRules(String decisionRule) {
    return Variables.createVariables().putValue("decisionRule", decisionRule)
        .putValue("rulesText", "Sesiones mensuales; quórum de la mitad más uno.")
        .putValueTyped("rulesMinutes", sessionMinutes("acta-reglas-stl.pdf"));
  }

  public static VariableMap selectFacilitator(String tag) {
    return Variables.createVariables().putValue("facilitatorName", "Laura Facilitadora")
        .putValue("facilitatorEmail", "facilitadora." + tag + "@mesas.mx");
  }

  public static VariableMap draftAnnualAgenda() {
    return Variables.createVariables()
        .putValueTyped("agenda", json("[{\"date\":\"2031-03-01\",\"activity\":\"Mesas de trabajo\"}]"))
        .putValueTyped("agendaMinutes", sessionMinutes("acta-agenda-stl.pdf"));
  }

  public static VariableMap planWorkingTables(String... topics) {
    StringBuilder tables = new StringBuilder("[");
    for (int i = 0; i < topics.length; i++) {
      tables.append(i > 0 ? "," : "").append("{\"topic\":\"").append(topics[i]).append("\",\"date\":\"2031-03-1")
          .append(i).append("\"}");
    }
    return Variables.createVariables().putValueTyped("workingTables", json(tables.append("]").toString()));
  }

  public static VariableMap holdWorkingTable() {
    return Variables.createVariables()
        .putValueTyped("participants", json("[{\"name\":\"Pedro\",\"sector\":\"society\",\"organization\":\"OSC\"},{\"name\":\"Lucía\",\"sector\":\"government\",\"organization\":\"Secretaría de Finanzas\"}]"))
        .putValueTyped("problems", json("[\"Opacidad en el gasto\"]"));
  }

  public static final String COMMITMENTS = """
      [{"title":"Presupuesto abierto","problem":"Opacidad en el gasto","description":"Publicar el gasto en datos abiertos",
        "responsible":"Secretaría de Finanzas","sdgs":[16,10],
        "criteria":{"inclusive":true,"strategic":true,"transformative":true,"replicable":false,"measurable":true,
                    "agenda2030":true,"gender":false,"anticorruption":true},
        "activities":[{"title":"Portal","product":"Portal de datos","indicator":"Conjuntos publicados","baseline":"0",
                       "target":"12","dueDate":"2032-06-30"},
                      {"title":"Capacitación","product":"Taller","indicator":"Personas capacitadas","baseline":"0",
                       "target":"100","dueDate":"2032-09-30"}]},
       {"title":"Obra pública vigilada","problem":"Obras sin seguimiento","description":"Contraloría social",
        "responsible":"Secretaría de Obras","sdgs":[11],
        "criteria":{"inclusive":true,"strategic":false,"transformative":false,"replicable":true,"measurable":true,
                    "agenda2030":true,"gender":true,"anticorruption":true},
        "activities":[{"title":"Comités","product":"Comités instalados","indicator":"Comités","baseline":"0",
                       "target":"10","dueDate":"2032-12-15"}]}]""";

  public static VariableMap consolidateCommitments() {
    return Variables.createVariables().putValueTyped("commitments", json(COMMITMENTS));
  }

  public static VariableMap approve(boolean approved, String comments) {
    return Variables.createVariables().putValue("approved", approved).putValue("comments", comments);
  }

  /** approve-commitments the form's way: one vote per commitment of the vote ({@link #vote} rows). */
  public static VariableMap votes(String... rows) {
    return Variables.createVariables().putValueTyped("votes", json("[" + String.join(",", rows) + "]"));
  }

  /** A row of {@code votes}: the commitment's position, approved or returned, the comment. */
  public static String vote(int position, boolean approved, String comments) {
    return "{\"position\":" + position + ",\"approved\":" + approved + ",\"comments\":"
        + (comments == null ? "null" : "\"" + comments + "\"") + "}";
  }

  /** Every commitment of the vote approved, per commitment (the two of {@link #COMMITMENTS}). */
  public static VariableMap approveEach() {
    return votes(vote(1, true, ""), vote(2, true, "De acuerdo"));
  }

  public static VariableMap schedulePal() {
    return Variables.createVariables().putValue("palStart", "2032-02-01").putValue("palEnd", "2033-02-01")
        .putValueTyped("palMinutes", sessionMinutes("acta-vigencia-pal.pdf"));
  }

  public static VariableMap holdPublicLaunch() {
    return Variables.createVariables().putValue("launchDate", "2032-02-01").putValue("launchPlace", "Plaza principal")
        .putValue("launchEvidenceUrl", LAUNCH_RECORDING);
  }

  /** A public record of the launch event (hold-public-launch requires a file, a link or an attachment). */
  public static final String LAUNCH_RECORDING = "https://video.ejemplo.mx/lanzamiento-pal";

  public static VariableMap launch(String launchDate) {
    return Variables.createVariables().putValue("launchDate", launchDate).putValue("launchPlace", "Plaza principal")
        .putValue("launchEvidenceUrl", LAUNCH_RECORDING);
  }

  /** The STL's self-assessment before an evaluation of INAI (self-assess-pal). */
  public static VariableMap selfAssessPal() {
    return Variables.createVariables()
        .putValue("achievements", "Se publicó el portal de presupuesto y se instalaron los comités de obra.")
        .putValue("difficulties", "La dependencia responsable cambió de titular y la capacitación se retrasó.")
        .putValue("lessons", "Acordar desde el inicio quién publica cada dato.");
  }

  /** INAI's yearly evaluation of both commitments of the test plan (evaluate-year). */
  public static VariableMap evaluateYear() {
    return Variables.createVariables().putValueTyped("yearEvaluation", json("""
        [{"commitment":1,"completion":"substantial","notes":"Portal publicado"},
         {"commitment":2,"completion":"limited","notes":""}]"""));
  }

  public static String toJson(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
