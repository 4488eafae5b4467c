package mx.cocreacion.microsite;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cocreacion.open-data.*}: the terms every public download is published under, and who publishes them.
 * The licence (default: Mexico's <em>Términos de Libre Uso MX</em>) is stated in the data catalogue, the OpenAPI
 * description, a {@code Link: <…>; rel="license"} header of every open-data answer and the footer of every
 * microsite page. The publisher is an institution (name and web page), never a person.
 */
@ConfigurationProperties("cocreacion.open-data")
public record OpenDataTerms(Licence licence, Publisher publisher) {

  public static final String DEFAULT_LICENCE_NAME = "Términos de Libre Uso MX";
  public static final String DEFAULT_LICENCE_URL = "https://datos.gob.mx/libreusomx";

  public OpenDataTerms {
    licence = licence == null ? new Licence(null, null) : licence;
    publisher = publisher == null ? new Publisher(null, null) : publisher;
  }

  /** A licence: its name as people read it and the page with its text (https). */
  public record Licence(String name, String url) {
    public Licence {
      name = name == null || name.isBlank() ? DEFAULT_LICENCE_NAME : name.trim();
      url = url == null || url.isBlank() ? DEFAULT_LICENCE_URL : url.trim();
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        throw new IllegalStateException("cocreacion.open-data.licence.url debe ser una dirección web: " + url);
      }
    }
  }

  /** Who publishes the data: an institution and its web page. */
  public record Publisher(String name, String url) {
    public Publisher {
      name = name == null || name.isBlank() ? "Cocreación desde lo local" : name.trim();
      url = url == null || url.isBlank() ? null : url.trim();
      if (url != null && !url.startsWith("https://")) {
        throw new IllegalStateException("cocreacion.open-data.publisher.url debe empezar con https://: " + url);
      }
    }
  }
}
