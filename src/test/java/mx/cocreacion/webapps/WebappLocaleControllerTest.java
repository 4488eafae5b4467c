package mx.cocreacion.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The es.json served to the webapps names the configured operator in the top banner. */
class WebappLocaleControllerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final VariableLabels LABELS = new VariableLabels(new mx.cocreacion.validation.FormLabels());

  @Test
  void cockpitAlsoReceivesTheWordsForVariablesTypesAndGroups() {
    var controller = new WebappLocaleController(new OperatorProperties("el INAI"), JSON, LABELS);

    JsonNode words = controller.spanish("cockpit").getBody().get(WebappLocaleController.READABLE_NAMES);

    assertThat(words.at("/variables/decisionRule").asText()).as("a form's label").isEqualTo("Regla de decisión");
    assertThat(words.at("/variables/palEnd").asText()).as("a variable of the process").isEqualTo("Fin del PAL");
    assertThat(words.at("/tipos/String").asText()).isEqualTo("Texto");
    assertThat(words.at("/grupos/government").asText()).isEqualTo("Autoridad");
    assertThat(controller.spanish("tasklist").getBody().has(WebappLocaleController.READABLE_NAMES)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void bannerNamesTheConfiguredOperatorAndTheRestIsTheFileAsItIs(String app) throws IOException {
    var controller = new WebappLocaleController(new OperatorProperties("el Órgano Garante de Oaxaca"), JSON, LABELS);

    ResponseEntity<JsonNode> response = controller.spanish(app);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-cache");
    JsonNode served = response.getBody();
    assertThat(served.at("/labels/" + WebappLocaleController.BANNER_KEY).asText())
        .isEqualTo("Plataforma operada por el Órgano Garante de Oaxaca para los ejercicios de Cocreación desde lo local. "
            + "<a href=\"/micrositio#titulo-contacto\" target=\"_blank\" rel=\"noopener\">Ayuda y contacto</a>");
    assertThat(withoutBanner(served)).as("everything else as in our es.json").isEqualTo(withoutBanner(file(app)));
  }

  @Test
  void theOperatorNameIsEscapedBecauseTheBannerIsRenderedAsHtml() {
    var controller = new WebappLocaleController(new OperatorProperties("<b>Garante</b> & Asociados"), JSON, LABELS);

    String banner = controller.spanish("cockpit").getBody().at("/labels/" + WebappLocaleController.BANNER_KEY).asText();

    assertThat(banner).contains("&lt;b&gt;Garante&lt;/b&gt; &amp; Asociados").doesNotContain("<b>");
  }

  @Test
  void withoutAConfiguredNameTheDefaultOperatorIsNamed() {
    var controller = new WebappLocaleController(new OperatorProperties(" "), JSON, LABELS);

    String banner = controller.spanish("admin").getBody().at("/labels/" + WebappLocaleController.BANNER_KEY).asText();

    assertThat(banner).startsWith("Plataforma operada por " + OperatorProperties.DEFAULT_OPERATOR_NAME + " para");
  }

  @Test
  void anUnknownWebappIsNotFound() {
    var controller = new WebappLocaleController(new OperatorProperties(null), JSON, LABELS);

    assertThat(controller.spanish("optimize").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static JsonNode withoutBanner(JsonNode translation) {
    ObjectNode copy = translation.deepCopy();
    ((ObjectNode) copy.get("labels")).remove(WebappLocaleController.BANNER_KEY);
    copy.remove(WebappLocaleController.READABLE_NAMES);
    return copy;
  }

  private static JsonNode file(String app) throws IOException {
    String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/es.json";
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return JSON.readTree(in);
    }
  }
}
