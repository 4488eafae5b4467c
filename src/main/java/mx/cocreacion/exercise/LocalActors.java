package mx.cocreacion.exercise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import mx.cocreacion.validation.TaskInput;
import org.springframework.stereotype.Component;

/**
 * The local actors the organismo garante brought in during step 2 (outreach), as its minutes keep them
 * ({@code cc_record} of kind {@link #RECORD_KIND}): the people the STL can be elected from.
 */
@Component
public class LocalActors {

  /** The kind of the outreach's minutes (sessions and actors). */
  public static final String RECORD_KIND = "outreach";

  /** A registered actor: name, organisation, sector (a {@link Sector} id) and e-mail (may be empty). */
  public record LocalActor(String name, String organization, String sector, String email) {}

  private final RecordRepository records;

  public LocalActors(RecordRepository records) {
    this.records = records;
  }

  /** The actors of the exercise's latest outreach record, in the order they were registered. */
  public List<LocalActor> of(String exerciseId) {
    List<String> payloads = records.payloads(exerciseId, RECORD_KIND);
    List<LocalActor> actors = new ArrayList<>();
    if (payloads.isEmpty()) {
      return actors;
    }
    try {
      for (JsonNode a : TaskInput.mapper().readTree(payloads.get(payloads.size() - 1)).path("actors")) {
        actors.add(new LocalActor(a.path("name").asText(), text(a, "organization"), a.path("sector").asText(),
            text(a, "email")));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cc_record outreach is not JSON", e);
    }
    return actors;
  }

  private static String text(JsonNode node, String field) {
    String text = node.path(field).asText(null);
    return text == null || text.isBlank() ? null : text;
  }
}
