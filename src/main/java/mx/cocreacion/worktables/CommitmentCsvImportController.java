package mx.cocreacion.worktables;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentCsv;
import mx.cocreacion.plan.CommitmentRepository;
import mx.cocreacion.plan.Commitments;
import mx.cocreacion.security.BasicCredentials;
import mx.cocreacion.security.EndUserGuard;
import mx.cocreacion.validation.TaskInput;
import mx.cocreacion.validation.Violation;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports a CSV of commitments (the open-data columns, {@link CommitmentCsv}) into an open
 * consolidate-commitments task: a facilitator prepares the commitments in a spreadsheet, uploads
 * them, then reviews the pre-filled form in Tasklist and completes it. The CSV is checked with the
 * task's own rules ({@link Commitments#read}); if anything is wrong nothing is changed.
 */
@RestController
@Tag(name = "Importación de compromisos",
    description = "Carga un CSV de compromisos en la tarea abierta «Consolidar compromisos»")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
    description = "Usuario y contraseña de la plataforma (los mismos de Tasklist)")
class CommitmentCsvImportController {

  /** An import is at most this big (50 commitments of 50 activities with long texts fit). */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private final IdentityService identity;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ExerciseRepository exercises;
  private final CommitmentRepository commitmentRepository;

  CommitmentCsvImportController(IdentityService identity, TaskService tasks, RuntimeService runtime,
      ExerciseRepository exercises, CommitmentRepository commitmentRepository) {
    this.commitmentRepository = commitmentRepository;
    this.identity = identity;
    this.tasks = tasks;
    this.runtime = runtime;
    this.exercises = exercises;
  }

  @Schema(description = "Resultado de la importación")
  record ImportSummary(String taskId, String processInstanceId, int commitments, int activities, String message) {}

  @Schema(description = "Rechazo: tipo, mensaje en español y las reglas incumplidas (campo y mensaje)")
  record Refusal(String type, String message, List<Map<String, String>> violations) {}

  @PostMapping(value = "/api/tasks/{taskId}/commitments.csv",
      consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE},
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Importar compromisos desde CSV",
      description = "Lee un CSV UTF-8 con las mismas columnas que el CSV de datos abiertos "
          + "(/api/public/exercises/{tenant}/commitments.csv; las columnas approved, progress, starred, activity y "
          + "status se ignoran; tenant, year y businessKey, si vienen, deben ser los del ejercicio de la tarea; otra "
          + "columna se rechaza; a lo más 2 MB y 2,500 filas), lo valida con las reglas de la tarea «Consolidar compromisos» y, si es válido, "
          + "guarda los compromisos en la variable «commitments» de la tarea. La tarea no se completa: la persona "
          + "facilitadora revisa el formulario prellenado en Tasklist y lo completa. Requiere autenticación HTTP "
          + "Basic de una persona que pueda trabajar la tarea (candidata de ella, de la misma entidad).",
      security = @SecurityRequirement(name = "basic"),
      requestBody = @RequestBody(required = true, description = "El CSV de compromisos (UTF-8, fila de encabezados)",
          content = @Content(mediaType = "text/csv")))
  @ApiResponse(responseCode = "200", description = "Compromisos cargados en la tarea")
  @ApiResponse(responseCode = "400", description = "El CSV no es válido o incumple las reglas; nada cambia",
      content = @Content(schema = @Schema(implementation = Refusal.class)))
  @ApiResponse(responseCode = "401", description = "Falta la autenticación o es incorrecta",
      content = @Content(schema = @Schema(implementation = Refusal.class)))
  @ApiResponse(responseCode = "403", description = "La persona no puede trabajar esta tarea",
      content = @Content(schema = @Schema(implementation = Refusal.class)))
  @ApiResponse(responseCode = "404", description = "La tarea no existe, ya se completó o es de otra entidad",
      content = @Content(schema = @Schema(implementation = Refusal.class)))
  @ApiResponse(responseCode = "409", description = "La tarea no es «Consolidar compromisos», está suspendida o "
      + "asignada a otra persona", content = @Content(schema = @Schema(implementation = Refusal.class)))
  ResponseEntity<?> importCsv(
      @Parameter(description = "Id de la tarea «Consolidar compromisos» (como en Tasklist)") @PathVariable String taskId,
      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
      String authorization, HttpServletRequest request) throws IOException {
    BasicCredentials credentials = BasicCredentials.of(authorization).orElse(null);
    if (credentials == null || !identity.checkPassword(credentials.user(), credentials.password())) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"cocreacion\", charset=\"UTF-8\"")
          .body(refusal("AuthenticationException",
              "Se requiere autenticación: usuario y contraseña de la plataforma (HTTP Basic).", List.of()));
    }
    String user = credentials.user();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();

    // A task of another entidad gets the same answer as an unknown id: nothing about it leaks.
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || (task.getTenantId() != null && !tenants.contains(task.getTenantId()))) {
      return status(HttpStatus.NOT_FOUND, "NotFound", "No existe una tarea abierta con id «" + taskId + "».");
    }
    if (!WorkingTablesProcess.TASK_CONSOLIDATE_COMMITMENTS.equals(task.getTaskDefinitionKey())) {
      return status(HttpStatus.CONFLICT, "Conflict",
          "La tarea «" + task.getName() + "» no es «Consolidar compromisos»: solo en ella se importan compromisos.");
    }
    if (task.isSuspended()) {
      return status(HttpStatus.CONFLICT, "Conflict", "La tarea está suspendida.");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
      return status(HttpStatus.CONFLICT, "Conflict", "La tarea está asignada a otra persona.");
    }

    Map<String, String> exercise = exerciseOf(task); // read as the platform: the person reads no instances

    identity.setAuthentication(user, groups, tenants);
    try {
      var query = tasks.createTaskQuery().taskId(taskId);
      boolean mayWork = task.getAssignee() != null
          ? query.taskAssignee(user).count() == 1
          : query.taskCandidateUser(user).count() == 1;
      if (!mayWork) {
        return status(HttpStatus.FORBIDDEN, "AuthorizationException",
            "La persona «" + user + "» no puede trabajar esta tarea.");
      }

      // Read only now (after the login and the task's checks), and never more than the limit and one byte.
      byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        return invalid(List.of(new Violation("csv", "pesa más de " + MAX_BYTES / 1024 + " KB; divida los compromisos "
            + "o revise el archivo")));
      }
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
      } catch (CharacterCodingException e) {
        return invalid(List.of(new Violation("csv", "no está codificado en UTF-8")));
      }
      CommitmentCsv.Parsed parsed = CommitmentCsv.read(text, exercise);
      if (!parsed.isValid()) {
        return invalid(parsed.violations());
      }
      TaskInput input = CommitmentCsv.input(WorkingTablesProcess.VAR_COMMITMENTS, parsed.commitments().toString());
      List<Commitment> commitments = Commitments.read(input, WorkingTablesProcess.VAR_COMMITMENTS);
      ApprovedCommitments.check(input, WorkingTablesProcess.VAR_COMMITMENTS, exercise.get("id"), commitments,
          commitmentRepository);
      if (!input.isValid()) {
        return invalid(input.violations());
      }
      // The one write of the import, checked above (the person works this task): the guard lets it pass.
      EndUserGuard.permit(SetTaskVariablesCmd.class, () -> {
        tasks.setVariable(taskId, WorkingTablesProcess.VAR_COMMITMENTS,
            SpinValues.jsonValue(Commitments.toJson(commitments).toString()).create());
        return null;
      });
      int activities = commitments.stream().mapToInt(c -> c.activities().size()).sum();
      return ResponseEntity.ok(new ImportSummary(taskId, task.getProcessInstanceId(), commitments.size(), activities,
          "Se cargaron " + commitments.size() + " compromiso(s) con " + activities + " actividad(es) en la tarea "
              + "«Consolidar compromisos». Revise el formulario en Tasklist y complete la tarea."));
    } catch (AuthorizationException e) {
      return status(HttpStatus.FORBIDDEN, "AuthorizationException",
          "La persona «" + user + "» no tiene permiso para modificar esta tarea.");
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The task's exercise as the CSV's identity columns name it (tenant, year, businessKey). */
  private Map<String, String> exerciseOf(Task task) {
    String root = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
        .getRootProcessInstanceId();
    return exercises.findById(root)
        .map(e -> Map.of("tenant", e.tenantId(), "year", String.valueOf(e.year()), "businessKey", e.businessKey(),
            "id", e.id()))
        .orElseThrow(() -> new IllegalStateException("La tarea " + task.getId() + " no pertenece a un ejercicio"));
  }

  private static ResponseEntity<Refusal> invalid(List<Violation> violations) {
    List<String> parts = new ArrayList<>();
    violations.forEach(v -> parts.add(v.toString()));
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(refusal("ValidationException",
        "No se pudo importar los compromisos: " + String.join("; ", parts), violations.stream()
            .map(v -> {
              Map<String, String> m = new LinkedHashMap<>();
              m.put("field", v.field());
              m.put("message", v.message());
              return m;
            }).toList()));
  }

  private static ResponseEntity<Refusal> status(HttpStatus status, String type, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(refusal(type, message, List.of()));
  }

  private static Refusal refusal(String type, String message, List<Map<String, String>> violations) {
    return new Refusal(type, message, violations);
  }
}
