package mx.cocreacion.microsite;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cocreacion.support.*}: where the public reaches the people who accompany an exercise, shown on the
 * microsite: INAI's accompaniment (the seed: INAI accompanies every exercise and answers any doubt) and each
 * entidad's organismo garante ({@code entities.<tenant>}). Institutional addresses only: a person's e-mail
 * never goes on a public page. Values left empty are not shown.
 */
@ConfigurationProperties("cocreacion.support")
public record SupportContacts(Contact inai, Map<String, Contact> entities) {

  private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

  public SupportContacts {
    inai = inai == null ? new Contact(null, null, null, null) : inai;
    entities = entities == null ? Map.of() : Map.copyOf(entities);
    inai.check("cocreacion.support.inai");
    entities.forEach((tenant, contact) -> contact.check("cocreacion.support.entities." + tenant));
  }

  /** The organismo garante's contact of the entidad, when configured. */
  public Optional<Contact> entity(String tenant) {
    return Optional.ofNullable(entities.get(tenant)).filter(Contact::isShown);
  }

  /** A name, an institutional e-mail, a telephone and a web page (https), each optional. */
  public record Contact(String name, String email, String phone, String url) {

    public Contact {
      name = blankToNull(name);
      email = blankToNull(email);
      phone = blankToNull(phone);
      url = blankToNull(url);
    }

    /** Whether there is anything to show besides the name. */
    public boolean isShown() {
      return email != null || phone != null || url != null;
    }

    void check(String key) {
      if (email != null && !EMAIL.matcher(email).matches()) {
        throw new IllegalStateException(key + ".email no es un correo electrónico: " + email);
      }
      if (url != null && !url.startsWith("https://")) {
        throw new IllegalStateException(key + ".url debe empezar con https://: " + url);
      }
    }

    private static String blankToNull(String text) {
      return text == null || text.isBlank() ? null : text.trim();
    }
  }
}
