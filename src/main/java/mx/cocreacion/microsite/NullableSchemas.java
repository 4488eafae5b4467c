package mx.cocreacion.microsite;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Where the open data serves {@code null}, the OpenAPI spec says so in its own version's terms. The spec is OpenAPI
 * 3.1 (springdoc's default), which has no {@code nullable} keyword and writes only a schema's list of types: a
 * property marked {@code @Schema(nullable = true)} gets {@code "null"} among its types, and one that refers to another
 * component is {@code anyOf} that component or a schema whose type is {@code "null"} (swagger-core builds that one but
 * names its type where 3.1 does not write it). Runs after every other customizer.
 */
@Configuration(proxyBeanMethods = false)
class NullableSchemas {

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  OpenApiCustomizer nullableAsOpenApi31() {
    return NullableSchemas::rewrite;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static void rewrite(OpenAPI openApi) {
    if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
      return;
    }
    for (Schema<?> component : openApi.getComponents().getSchemas().values()) {
      Map<String, Schema> properties = component.getProperties();
      if (properties == null) {
        continue;
      }
      properties.replaceAll((name, property) -> Boolean.TRUE.equals(property.getNullable()) ? orNull(property) : property);
      for (Schema property : properties.values()) {
        if (property.getAnyOf() != null) {
          for (Schema alternative : (List<Schema>) property.getAnyOf()) {
            if ("null".equals(alternative.getType()) && alternative.getTypes() == null) {
              alternative.setTypes(Set.of("null"));
            }
          }
        }
      }
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema orNull(Schema property) {
    property.setNullable(null);
    if (property.get$ref() != null) {
      Schema ref = new Schema<>().$ref(property.get$ref());
      Schema either = new Schema<>().anyOf(List.of(ref, new Schema<>().types(Set.of("null"))));
      either.setDescription(property.getDescription());
      return either;
    }
    Set<String> types = new LinkedHashSet<>();
    if (property.getTypes() != null) {
      types.addAll(property.getTypes());
    } else if (property.getType() != null) {
      types.add(property.getType());
    }
    types.add("null");
    property.setTypes(types);
    property.setType(null);
    return property;
  }
}
