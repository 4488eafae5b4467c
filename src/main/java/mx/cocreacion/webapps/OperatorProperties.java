package mx.cocreacion.webapps;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who runs this deployment ({@code cocreacion.operator-name}), as it reads after "Plataforma
 * operada por", e.g. "el INAI" or "el Órgano Garante de Transparencia de Oaxaca". Shown in the
 * notice at the top of every Camunda webapp page.
 */
@ConfigurationProperties("cocreacion")
public record OperatorProperties(String operatorName) {

  public static final String DEFAULT_OPERATOR_NAME = "el INAI";

  public OperatorProperties {
    operatorName = operatorName == null || operatorName.isBlank() ? DEFAULT_OPERATOR_NAME : operatorName.strip();
  }
}
