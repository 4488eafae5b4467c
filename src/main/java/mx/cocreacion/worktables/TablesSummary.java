package mx.cocreacion.worktables;

import static mx.cocreacion.worktables.WorkingTablesProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.exercise.RecordRepository;
import mx.cocreacion.exercise.Sector;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Bean {@code tablesSummary}: what every working table found, as the facilitator reads it while consolidating
 * the commitments (shown field {@code tablesSummary} of consolidate-commitments): topic, day, how many took
 * part and from which sectors, and the problems it identified. From the tables' minutes.
 */
@Component("tablesSummary")
public class TablesSummary {

  private final RecordRepository records;

  public TablesSummary(RecordRepository records) {
    this.records = records;
  }

  public SpinJsonNode of(DelegateExecution execution) {
    ArrayNode list = TaskInput.mapper().createArrayNode();
    for (String payload : records.payloads(ExerciseScope.exerciseId(execution), RECORD_WORKING_TABLE)) {
      JsonNode table = read(payload);
      ObjectNode row = list.addObject();
      row.put("topic", table.path("table").path("topic").asText());
      row.put("dateText", Dates.parse(table.path("table").path("date").asText(null)).map(MexicanDates::longDate)
          .orElse("sin fecha"));
      Set<String> sectors = new TreeSet<>();
      table.path(VAR_PARTICIPANTS).forEach(p -> Sector.of(p.path("sector").asText()).map(Sector::label)
          .ifPresent(sectors::add));
      int people = table.path(VAR_PARTICIPANTS).size();
      row.put("participantsText", people + (people == 1 ? " participante" : " participantes")
          + (sectors.isEmpty() ? "" : " (" + sectors.stream().collect(Collectors.joining(", ")) + ")"));
      ArrayNode problems = row.putArray("problems");
      table.path(VAR_PROBLEMS).forEach(p -> problems.add(p.asText()));
    }
    return Spin.JSON(list.toString());
  }

  private static JsonNode read(String payload) {
    try {
      return TaskInput.mapper().readTree(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cc_record working-table is not JSON", e);
    }
  }
}
