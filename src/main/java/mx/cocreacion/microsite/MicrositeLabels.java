package mx.cocreacion.microsite;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import mx.cocreacion.exercise.Sector;
import mx.cocreacion.plan.IrmScales;
import mx.cocreacion.plan.PlanLabels;
import mx.cocreacion.validation.MexicanDates;

/**
 * The Spanish words and formats of the public microsite: step names, ODS, quality criteria,
 * statuses and INAI's assessment scales, dates as dd/MM/yyyy. Templates reach it as {@code t}.
 */
public final class MicrositeLabels {

  static final MicrositeLabels INSTANCE = new MicrositeLabels();


  static final List<String> STEPS = PlanLabels.STEPS;

  private MicrositeLabels() {}

  public String step(int number) {
    return number >= 1 && number <= STEPS.size() ? STEPS.get(number - 1) : "";
  }

  public String ods(int number) {
    return PlanLabels.ods(number);
  }

  public Map<String, String> criteria() {
    return PlanLabels.CRITERIA;
  }

  public String sector(String id) {
    return Sector.of(id).map(Sector::label).orElse(id);
  }

  public String role(String role) {
    return role == null || role.isEmpty() ? "" : Character.toUpperCase(role.charAt(0)) + role.substring(1);
  }

  public String status(String status) {
    return IrmScales.status(status);
  }

  public String impact(String value) {
    return IrmScales.potentialImpact(value);
  }

  public String completion(String value) {
    return IrmScales.completion(value);
  }

  public String opened(String value) {
    return IrmScales.openedGovernment(value);
  }

  public String decisionRule(String rule) {
    return "consensus".equals(rule) ? "Consenso" : "majority".equals(rule) ? "Mayoría" : rule;
  }

  /** "Primer avance", "Segundo avance"… */
  public String report(int number) {
    return PlanLabels.report(number);
  }

  public String date(Object value) {
    if (value instanceof LocalDate d) {
      return MexicanDates.date(d);
    }
    if (value instanceof Instant i) {
      return MexicanDates.date(i);
    }
    return "";
  }

  /** {@code 24 de noviembre de 2026}, for a day announced in words. */
  public String longDate(LocalDate date) {
    return date == null ? "" : MexicanDates.longDate(date);
  }

  /** A Table Schema type in Spanish (the data dictionary of the Datos abiertos page). */
  public String fieldType(Object type) {
    return switch (String.valueOf(type)) {
      case "string" -> "texto";
      case "integer" -> "número entero";
      case "number" -> "número";
      case "boolean" -> "true / false";
      case "date" -> "fecha (AAAA-MM-DD)";
      case "datetime" -> "fecha y hora (ISO 8601, UTC)";
      default -> String.valueOf(type);
    };
  }

  /** The day of an instant in Mexico City, in words. */
  public String longDate(Instant instant) {
    return instant == null ? "" : MexicanDates.longDate(instant);
  }

  public String size(long bytes) {
    if (bytes < 0) {
      return "Enlace externo";
    }
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(java.util.Locale.forLanguageTag("es-MX"), "%.0f KB", bytes / 1024.0);
    }
    return String.format(java.util.Locale.forLanguageTag("es-MX"), "%.1f MB", bytes / (1024.0 * 1024));
  }

  /** A link the public may follow: web addresses and the app's own paths only (never javascript: etc.). */
  public String link(String url) {
    if (url == null) {
      return null;
    }
    String u = url.trim();
    return u.startsWith("https://") || u.startsWith("http://") || (u.startsWith("/") && !u.startsWith("//")) ? u : null;
  }
}
