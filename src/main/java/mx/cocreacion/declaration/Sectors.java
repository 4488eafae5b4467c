package mx.cocreacion.declaration;

import java.util.List;
import mx.cocreacion.exercise.Sector;
import org.springframework.stereotype.Component;

/** Bean {@code sectors}: the collection of the sign-declaration multi-instance, one per sector. */
@Component("sectors")
public class Sectors {

  public List<String> all() {
    return Sector.ids();
  }
}
