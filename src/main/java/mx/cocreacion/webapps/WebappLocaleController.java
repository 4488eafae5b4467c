package mx.cocreacion.webapps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves the Spanish translations of the Camunda webapps ({@code app/<app>/locales/es.json} of this
 * application, see {@code src/main/resources/META-INF/resources/webjars/camunda/app/}) with the
 * operator's name in the notice at the top of every page.
 *
 * <p>Camunda 7.24 CE always shows a banner with the locale key {@link #BANNER_KEY} (its
 * {@code isCommunityEdition} flag is hard-coded, there is no configuration to switch it off). Its
 * English text asks to migrate to Camunda 8, which means nothing to a member of an STL; our es.json
 * files replace it by "Plataforma operada por {operador} para los ejercicios de Cocreación desde lo
 * local." and this controller puts {@link OperatorProperties#operatorName()} in place of
 * {@link #OPERATOR_TOKEN} and adds a link to help ({@link #HELP_LINK}). The banner is rendered as HTML ({@code ng-bind-html}), so the name is
 * HTML-escaped. Handler mappings take precedence over Camunda's resource handler for the same path;
 * the other files of the webapps are still served by Camunda.
 */
@RestController
class WebappLocaleController {

  static final String BANNER_KEY = "BANNER_CE_EOL_TEXT";
  static final String OPERATOR_TOKEN = "{operador}";
  /**
   * After the notice, where a person of an exercise finds help: the microsite's contacts (INAI's accompaniment and
   * each entidad's organismo garante, institutional addresses from configuration), in a new tab so that nothing
   * typed in a form is lost.
   */
  static final String HELP_LINK =
      " <a href=\"/micrositio#titulo-contacto\" target=\"_blank\" rel=\"noopener\">Ayuda y contacto</a>";
  /** The object of Cockpit's es.json (beside Camunda's "labels") with the words for keys and ids. */
  static final String READABLE_NAMES = "cocreacion";
  static final List<String> APPS = List.of("admin", "cockpit", "tasklist", "welcome");
  private static final String LOCALE_PATH = "META-INF/resources/webjars/camunda/app/%s/locales/es.json";

  private final Map<String, JsonNode> translations;

  WebappLocaleController(OperatorProperties operator, ObjectMapper json, VariableLabels variableLabels) {
    String operatorHtml = HtmlUtils.htmlEscape(operator.operatorName(), StandardCharsets.UTF_8.name());
    this.translations = APPS.stream()
        .collect(Collectors.toUnmodifiableMap(Function.identity(), app -> withOperator(read(json, app), operatorHtml)));
    // Cockpit's script nombres-legibles.js names variables, their types and groups in words (VariableLabels).
    ((ObjectNode) translations.get("cockpit")).set(READABLE_NAMES, json.valueToTree(variableLabels.forWebapps()));
  }

  @GetMapping(path = "${camunda.bpm.webapp.application-path:/camunda}/app/{app}/locales/es.json",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> spanish(@PathVariable String app) {
    JsonNode body = translations.get(app);
    if (body == null) {
      return ResponseEntity.notFound().build();
    }
    // The webapps cache the translation in localStorage and fetch it again on every start (?bust=),
    // so a changed operator name shows after a reload; no HTTP caching on top of that.
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
  }

  private static JsonNode read(ObjectMapper json, String app) {
    String path = LOCALE_PATH.formatted(app);
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Spanish translation of the Camunda webapp missing: " + path, e);
    }
  }

  private static JsonNode withOperator(JsonNode translation, String operatorHtml) {
    ObjectNode labels = (ObjectNode) translation.required("labels");
    String banner = labels.required(BANNER_KEY).asText();
    if (!banner.contains(OPERATOR_TOKEN)) {
      throw new IllegalStateException(BANNER_KEY + " of es.json must name the operator with " + OPERATOR_TOKEN);
    }
    labels.put(BANNER_KEY, banner.replace(OPERATOR_TOKEN, operatorHtml) + HELP_LINK);
    return translation;
  }
}
