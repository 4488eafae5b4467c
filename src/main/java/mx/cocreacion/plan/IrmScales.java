package mx.cocreacion.plan;

import java.util.Locale;
import java.util.Map;

/**
 * Spanish labels of the scales of step 6 (after OGP's Independent Reporting Mechanism) and of the
 * activity statuses, the same words INAI picks in its forms. Pages, forms and PDFs use these.
 */
public final class IrmScales {

  private static final Locale ES = Locale.forLanguageTag("es-MX");

  public static final Map<String, String> STATUS = Map.of(
      "not-started", "Sin iniciar", "in-progress", "En proceso", "done", "Concluida");

  public static final Map<String, String> POTENTIAL_IMPACT = Map.of(
      "none", "Ninguno", "minor", "Menor", "moderate", "Moderado", "transformative", "Transformador");

  public static final Map<String, String> COMPLETION = Map.of(
      "no-evidence", "Sin evidencia disponible", "not-started", "No iniciado", "limited", "Limitado",
      "substantial", "Sustancial", "complete", "Completo");

  public static final Map<String, String> OPENED_GOVERNMENT = Map.of(
      "worsened", "Empeoró", "did-not-change", "No cambió", "marginal", "Marginal", "major", "Importante",
      "outstanding", "Sobresaliente");

  private IrmScales() {}

  public static String status(String value) {
    return value == null ? STATUS.get("not-started") : STATUS.getOrDefault(value, value);
  }

  /** "✔ Concluida", "◐ En proceso", "○ Sin iniciar": the status with the sign the forms show. */
  public static String statusWithSign(String value) {
    String sign = "done".equals(value) ? "✔ " : "in-progress".equals(value) ? "◐ " : "○ ";
    return sign + status(value);
  }

  public static String potentialImpact(String value) {
    return value == null ? "—" : POTENTIAL_IMPACT.getOrDefault(value, value);
  }

  public static String completion(String value) {
    return value == null ? "—" : COMPLETION.getOrDefault(value, value);
  }

  public static String openedGovernment(String value) {
    return value == null ? "—" : OPENED_GOVERNMENT.getOrDefault(value, value);
  }

  /** "Verificable; relevante; impacto potencial: transformador" — or that there is none yet. */
  public static String monitoringSummary(CommitmentView.Monitoring monitoring) {
    return monitoring == null ? "Sin monitoreo registrado" : monitoring.summary();
  }

  /** "Verificable; relevante; impacto potencial: transformador". */
  static String monitoringSummary(boolean verifiable, boolean relevant, String potentialImpact) {
    return (verifiable ? "Verificable" : "No verificable") + "; " + (relevant ? "relevante" : "no relevante")
        + "; impacto potencial: " + lower(potentialImpact(potentialImpact));
  }

  /** A label inside a sentence. */
  public static String lower(String label) {
    return label.toLowerCase(ES);
  }
}
