package mx.cocreacion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spanish translations shipped under src/main/resources/META-INF/resources/webjars/camunda/app/
 * must cover exactly the keys of the English file of the Camunda webjar on the classpath (so a
 * Camunda upgrade that adds keys makes this test fail), keep every {{placeholder}} and link, and
 * the app's config.js must make Spanish the default language. Apps: Tasklist, Welcome, Cockpit, Admin.
 *
 * <p>One key is replaced on purpose: {@value #BANNER_KEY}, the banner at the top of every page,
 * is our notice of who runs the platform instead of Camunda's "migrate to Camunda 8" text (with its
 * link); {@code mx.cocreacion.webapps.WebappLocaleController} puts the operator's name in place of
 * {@value #OPERATOR_TOKEN}.
 */
class LocaleKeysTest {

  private static final String APP_PATH = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final Pattern HREF = Pattern.compile("href=\"[^\"]*\"");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BANNER_KEY = "labels.BANNER_CE_EOL_TEXT";
  private static final String OPERATOR_TOKEN = "{operador}";
  /**
   * English values that stay as they are in Spanish: product names, symbols, abbreviations and
   * words spelled the same. Any other Spanish value equal to the English one is an untranslated text.
   */
  private static final Set<String> SAME_IN_SPANISH = Set.of("", "<", "<=", ">", ">=", "<null>", "s",
      "Camunda", "Cockpit", "Camunda Cockpit", "Optimize", "ID", "ID*", "CSV", "JSON", "Endpoint",
      "Error", "Total", "General", "GLOBAL", "Color", "Variable", "Variables", "Variables:",
      "Variable / {{variableName}}");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void spanishHasExactlyTheKeysOfTheWebjarEnglish(String app) throws IOException {
    Map<String, JsonNode> en = flatten(read(webjarResource(app + "/locales/en.json")));
    Map<String, JsonNode> es = flatten(read(ourResource(app + "/locales/es.json")));

    assertThat(en).as("webjar en.json of %s", app).hasSizeGreaterThan(100);
    TreeSet<String> missing = new TreeSet<>(en.keySet());
    missing.removeAll(es.keySet());
    TreeSet<String> extra = new TreeSet<>(es.keySet());
    extra.removeAll(en.keySet());
    assertThat(Map.of("missing in es.json", missing, "unknown to en.json", extra))
        .as("%s es.json keys compared with the webjar's en.json", app)
        .isEqualTo(Map.of("missing in es.json", Set.of(), "unknown to en.json", Set.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void everyValueIsTranslatedAndKeepsPlaceholdersAndLinks(String app) throws IOException {
    Map<String, JsonNode> en = flatten(read(webjarResource(app + "/locales/en.json")));
    Map<String, JsonNode> es = flatten(read(ourResource(app + "/locales/es.json")));

    List<String> problems = new ArrayList<>();
    en.forEach((key, enValue) -> {
      JsonNode esValue = es.get(key);
      if (esValue == null) {
        return; // reported by the key-set test
      }
      if (enValue.getNodeType() != esValue.getNodeType()) {
        problems.add(key + ": type " + esValue.getNodeType() + " instead of " + enValue.getNodeType());
        return;
      }
      if (!enValue.isTextual()) {
        return;
      }
      String source = enValue.asText();
      String target = esValue.asText();
      if (!source.isBlank() && target.isBlank()) {
        problems.add(key + ": empty translation");
      }
      if (!matches(PLACEHOLDER, source).equals(matches(PLACEHOLDER, target))) {
        problems.add(key + ": placeholders " + matches(PLACEHOLDER, target) + " instead of "
            + matches(PLACEHOLDER, source));
      }
      if (!key.equals(BANNER_KEY) && !matches(HREF, source).equals(matches(HREF, target))) {
        problems.add(key + ": links " + matches(HREF, target) + " instead of " + matches(HREF, source));
      }
      if (!key.startsWith("dateLocales.") && source.equals(target) && !SAME_IN_SPANISH.contains(source)) {
        problems.add(key + ": still English \"" + source + "\"");
      }
    });
    assertThat(problems).as("%s es.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void configMakesSpanishTheDefaultLanguage(String app) throws IOException {
    String config;
    try (InputStream in = ourResource(app + "/scripts/config.js").openStream()) {
      config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // Strip comments: the webjar's default config.js has a commented-out "locales" example.
    String code = config.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^]]*)]").matcher(code);
    Matcher fallback = Pattern.compile("fallbackLocale\\s*:\\s*'([^']*)'").matcher(code);
    assertThat(available.find()).as("%s config.js sets locales.availableLocales", app).isTrue();
    assertThat(fallback.find()).as("%s config.js sets locales.fallbackLocale", app).isTrue();
    assertThat(fallback.group(1)).isEqualTo("es");
    // The webapps use the browser language when its primary subtag is available: listing "en"
    // would show English to en-US browsers instead of falling back to Spanish.
    assertThat(available.group(1)).contains("'es'").doesNotContain("'en'");
    assertThat(code).as("default content of the webjar's config.js kept").contains("export default {");
    if ("tasklist".equals(app)) {
      assertThat(code).contains("shortcuts:", "claimTask", "ctrl+alt+c");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void bannerSaysWhoRunsThePlatformInsteadOfCamundasEndOfLifeNotice(String app) throws IOException {
    String banner = flatten(read(ourResource(app + "/locales/es.json"))).get(BANNER_KEY).asText();
    assertThat(banner)
        .isEqualTo("Plataforma operada por " + OPERATOR_TOKEN + " para los ejercicios de Cocreación desde lo local.");
    assertThat(flatten(read(webjarResource(app + "/locales/en.json"))).get(BANNER_KEY).asText())
        .as("the webjar's text we replace").contains("Camunda 8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void configKeepsEveryLineOfTheWebjarsDefaultConfig(String app) throws IOException {
    List<String> ours = lines(ourResource(app + "/scripts/config.js"));
    List<String> missing = new ArrayList<>();
    for (String line : lines(webjarCopy(app + "/scripts/config.js"))) {
      // The keyboard shortcuts' descriptions are shown to people: ours are in Spanish (same keys, same count).
      boolean translated = line.strip().startsWith("description:");
      if (!line.isBlank() && !line.strip().equals("};") && !translated && !ours.contains(line)) {
        missing.add(line);
      }
    }
    assertThat(missing).as("lines of the webjar's %s config.js missing in ours", app).isEmpty();
    assertThat(ours.stream().filter(l -> l.strip().startsWith("description:")).count())
        .as("shortcut descriptions of %s", app).isEqualTo(lines(webjarCopy(app + "/scripts/config.js")).stream()
            .filter(l -> l.strip().startsWith("description:")).count());
  }

  private static List<String> lines(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** en.json exists only in the Camunda webjar. */
  private static URL webjarResource(String path) throws IOException {
    List<URL> urls = Collections.list(classLoader().getResources(APP_PATH + path));
    assertThat(urls).as("classpath %s", path).hasSize(1);
    assertThat(urls.get(0).toString()).as("%s comes from the Camunda webjar", path)
        .startsWith("jar:").contains("camunda-webapp-webjar");
    return urls.get(0);
  }

  /** The Camunda webjar's copy of a file that this application overrides (config.js). */
  private static URL webjarCopy(String path) throws IOException {
    List<URL> copies = new ArrayList<>();
    for (URL url : Collections.list(classLoader().getResources(APP_PATH + path))) {
      if (url.toString().startsWith("jar:") && url.toString().contains("camunda-webapp-webjar")) {
        copies.add(url);
      }
    }
    assertThat(copies).as("%s in the Camunda webjar", path).hasSize(1);
    return copies.get(0);
  }

  /** es.json and config.js of this application (target/classes), not of a jar. */
  private static URL ourResource(String path) throws IOException {
    List<URL> ours = new ArrayList<>();
    for (URL url : Collections.list(classLoader().getResources(APP_PATH + path))) {
      if (!url.toString().startsWith("jar:")) {
        ours.add(url);
      }
    }
    assertThat(ours).as("application resource %s", path).hasSize(1);
    return ours.get(0);
  }

  private static ClassLoader classLoader() {
    return LocaleKeysTest.class.getClassLoader();
  }

  private static JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return JSON.readTree(in); // Jackson skips the UTF-8 BOM of the webjar's en.json
    }
  }

  /** Dotted keys; array elements as key[i]. */
  static Map<String, JsonNode> flatten(JsonNode node) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    flatten("", node, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.put(prefix, node);
    }
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
    }
    Collections.sort(found);
    return found;
  }
}
