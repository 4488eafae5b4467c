package mx.cocreacion.exercise;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The three sectors of the method; each is also the id of its Camunda group. */
public enum Sector {
  GUARANTOR("guarantor", "Organismo garante"),
  SOCIETY("society", "Sociedad civil"),
  GOVERNMENT("government", "Autoridad");

  private final String id;
  private final String label;

  Sector(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Sector::id).toList();
  }

  public static Optional<Sector> of(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }
}
