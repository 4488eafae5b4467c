package mx.cocreacion.plan;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A commitment of the PAL with its activities (1-based positions, as in the contract). */
public record Commitment(
    int position,
    String title,
    String problem,
    String description,
    String responsible,
    List<Integer> sdgs,
    Map<String, Boolean> criteria,
    List<Activity> activities) {

  /** The eight quality criteria of the seed (step 4), keys of {@code criteria}. */
  public static final List<String> CRITERIA = List.of("inclusive", "strategic", "transformative", "replicable",
      "measurable", "agenda2030", "gender", "anticorruption");

  public record Activity(int position, @Schema(nullable = true) String title, String product, String indicator,
      @Schema(nullable = true) String baseline, String target, @Schema(nullable = true) LocalDate dueDate, @Schema(nullable = true) String status) {

    /** Past its due date and not done, on {@code today} (a day in Mexico City). */
    public boolean isOverdue(LocalDate today) {
      return dueDate != null && dueDate.isBefore(today) && !"done".equals(status);
    }

    /** How people name the activity: its title, or its product when it has none (the first contract's rows). */
    public String label() {
      return title != null ? title : product;
    }
  }
}
