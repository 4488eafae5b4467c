package mx.cocreacion.stl;

import static mx.cocreacion.validation.TaskInput.path;
import static mx.cocreacion.stl.StlIntegrationProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.evidence.EvidenceCapture;
import mx.cocreacion.evidence.RequiredEvidence;
import mx.cocreacion.exercise.Sector;
import mx.cocreacion.security.AccountProvisioning;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * elect-stl: the STL members, each with name, valid and unique e-mail, sector and role; at least
 * one titular and one suplente for each of the three sectors; and the minutes of the meeting that elected
 * them (a file, or an attachment of the task), published as evidence. A re-election brings its own minutes.
 */
@Component
class ElectStlCompletion implements TaskCompletion {

  static final List<String> ROLES = List.of(ROLE_TITULAR, ROLE_SUPLENTE);
  static final int MAX_MEMBERS = 60;

  static final String MINUTES_MISSING = "es obligatoria: anexe el acta de la reunión en la que se eligió el STL "
      + "en la pestaña «Evidencia» de esta tarea (PDF, imagen o documento de oficina, hasta 10 MB) antes de completarla";

  private final AccountProvisioning accounts;
  private final RequiredEvidence required;
  private final EvidenceCapture evidence;
  private final Map<String, Function<DelegateExecution, SpinJsonNode>> shown;

  ElectStlCompletion(AccountProvisioning accounts, RequiredEvidence required, EvidenceCapture evidence, ElectionCandidates candidates) {
    this.shown = Map.of(VAR_REGISTERED_ACTORS, candidates::of);
    this.accounts = accounts;
    this.required = required;
    this.evidence = evidence;
  }

  @Override
  public String taskKey() {
    return TASK_ELECT_STL;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_STL_MEMBERS, VAR_MEETING_MINUTES);
  }

  /** The local actors step 2 registered. */
  @Override
  public Map<String, Function<DelegateExecution, SpinJsonNode>> shown() {
    return shown;
  }

  @Override
  public void validate(TaskInput input) {
    required.require(input, VAR_MEETING_MINUTES, null, MINUTES_MISSING);
    JsonNode members = input.list(VAR_STL_MEMBERS, 1, MAX_MEMBERS, "integrante");
    if (members == null) {
      return;
    }
    Map<String, Integer> emails = new HashMap<>();
    Map<String, Integer> seats = new HashMap<>();
    for (int i = 0; i < members.size(); i++) {
      JsonNode member = members.get(i);
      String at = path(VAR_STL_MEMBERS, i);
      input.text(member, "name", at, TaskInput.NAME);
      String email = input.email(member, "email", at, true);
      String sector = input.oneOf(member, "sector", at, Sector.ids());
      String role = input.oneOf(member, "role", at, ROLES);
      if (email != null) {
        Integer first = emails.putIfAbsent(email, i + 1);
        if (first != null) {
          input.reject(at + ".email", "«" + email + "» ya está registrado en la fila " + first + "; cada integrante necesita un correo propio");
        } else {
          input.task().ifPresent(task -> accounts.refusal(email, task.getTenantId())
              .ifPresent(refusal -> input.reject(at + ".email", refusal)));
        }
      }
      if (sector != null && role != null) {
        seats.merge(sector + "/" + role, 1, Integer::sum);
      }
    }
    for (Sector sector : Sector.values()) {
      for (String role : ROLES) {
        if (!seats.containsKey(sector.id() + "/" + role)) {
          input.reject(VAR_STL_MEMBERS, "falta al menos un " + role + " del sector " + sector.label()
              + " (se requiere un titular y un suplente por sector)");
        }
      }
    }
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    evidence.file(task, "Acta de la reunión de elección del STL", input.typed(VAR_MEETING_MINUTES));
  }
}
