package mx.cocreacion.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.TaskInput;
import org.springframework.stereotype.Component;

/**
 * The dated plans an exercise's minutes keep ({@code cc_record}): the STL's annual agendas (step 3, and step 6 for
 * each year of implementation that begins before the PAL ends; kind {@link #RECORD_AGENDA}) and the plan of the working tables (step 4, kind {@link #RECORD_TABLES_PLAN}), as
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

  /**
   * One annual agenda of the STL: {@code year} 1 is the one of step 3, drafted when the STL was installed; 2, 3... are
   * those the STL drafts in step 6 when a year of implementation ends before the PAL does, for the year that begins.
   */
  public record Agenda(int year, List<Item> items) {}

  /** Every annual agenda of the STL, the first one first. */
  public List<Agenda> agendas(String exerciseId) {
    List<String> payloads = records.payloads(exerciseId, RECORD_AGENDA);
    List<Agenda> agendas = new ArrayList<>();
    for (String payload : payloads) {
      agendas.add(new Agenda(agendas.size() + 1, parse(payload, RECORD_AGENDA, "activity")));
    }
    return agendas;
  }

  /** The planned working tables of the latest plan. */
  public List<Item> tablesPlan(String exerciseId) {
    return items(exerciseId, RECORD_TABLES_PLAN, "topic");
  }

  private List<Item> items(String exerciseId, String kind, String textField) {
    List<String> payloads = records.payloads(exerciseId, kind);
    return payloads.isEmpty() ? new ArrayList<>() : parse(payloads.get(payloads.size() - 1), kind, textField);
  }

  private static List<Item> parse(String payload, String kind, String textField) {
    List<Item> items = new ArrayList<>();
    JsonNode list;
    try {
      list = TaskInput.mapper().readTree(payload);
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
