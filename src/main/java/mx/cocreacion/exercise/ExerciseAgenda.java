package mx.cocreacion.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.TaskInput;
import org.springframework.stereotype.Component;

/**
 * The dated plans an exercise's minutes keep ({@code cc_record}): the STL's annual agenda (step 3, kind
 * {@link #RECORD_AGENDA}) and the plan of the working tables (step 4, kind {@link #RECORD_TABLES_PLAN}), as
 * their latest record has them. The steps write them under these kinds; the calendars read them here.
 */
@Component
public class ExerciseAgenda {

  /** The STL's annual agenda: a list of {@code {date, activity}}. */
  public static final String RECORD_AGENDA = "agenda";
  /** The plan of the working tables: a list of {@code {topic, date}}. */
  public static final String RECORD_TABLES_PLAN = "working-tables-plan";

  /** One dated entry of a plan: its 1-based position in the plan, its day (Mexico City) and what it is. */
  public record Item(int position, LocalDate date, String text) {}

  private final RecordRepository records;

  public ExerciseAgenda(RecordRepository records) {
    this.records = records;
  }

  /** The items of the STL's latest annual agenda. */
  public List<Item> agenda(String exerciseId) {
    return items(exerciseId, RECORD_AGENDA, "activity");
  }

  /** The planned working tables of the latest plan. */
  public List<Item> tablesPlan(String exerciseId) {
    return items(exerciseId, RECORD_TABLES_PLAN, "topic");
  }

  private List<Item> items(String exerciseId, String kind, String textField) {
    List<String> payloads = records.payloads(exerciseId, kind);
    List<Item> items = new ArrayList<>();
    if (payloads.isEmpty()) {
      return items;
    }
    JsonNode list;
    try {
      list = TaskInput.mapper().readTree(payloads.get(payloads.size() - 1));
    } catch (Exception e) {
      throw new IllegalStateException("cc_record " + kind + " is not JSON", e);
    }
    int position = 0;
    for (JsonNode item : list) {
      position++;
      LocalDate day = Dates.parse(item.path("date").asText(null)).map(Dates::localDate).orElse(null);
      items.add(new Item(position, day, item.path(textField).asText("")));
    }
    return items;
  }
}
