package mx.cocreacion.validation;

import java.util.Optional;

/**
 * What a text people submit may contain: any Unicode letter, digit, sign or emoji, and line breaks
 * and tabs where a text has several lines. Refused: control characters (NUL, which PostgreSQL cannot
 * store, and the rest of C0/C1 and DEL), halves of a character (unpaired UTF-16 surrogates, which no
 * database can store as UTF-8) and non-characters. The one place for this rule: task completions, the
 * start form, attachments, comments and the CSV import use it.
 */
public final class TextRules {

  private TextRules() {}

  /** Empty when the text is acceptable; otherwise what is wrong with it, in Spanish. */
  public static Optional<String> problem(String text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          int codePoint = text.codePointAt(i);
          if ((codePoint & 0xFFFE) == 0xFFFE) {
            return Optional.of("contiene un carácter no válido (posición " + (i + 1) + ")");
          }
          i++;
          continue;
        }
        return Optional.of("contiene un carácter incompleto (posición " + (i + 1) + ")");
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of("contiene un carácter incompleto (posición " + (i + 1) + ")");
      }
      boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
      if (lineBreak && !multiline && c != '\t') {
        return Optional.of("no puede tener saltos de línea");
      }
      if (!lineBreak && (c < 0x20 || (c >= 0x7F && c <= 0x9F))) {
        return Optional.of("contiene un carácter de control no permitido (código " + (int) c + ", posición "
            + (i + 1) + ")");
      }
      if (c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF)) {
        return Optional.of("contiene un carácter no válido (posición " + (i + 1) + ")");
      }
    }
    return Optional.empty();
  }

  /** The start of a text for a message (at most 60 characters, control characters shown as ?). */
  public static String excerpt(String text) {
    String cut = text.length() <= 60 ? text : text.substring(0, 57) + "…";
    StringBuilder out = new StringBuilder(cut.length());
    cut.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp)
        || Character.getType(cp) == Character.SURROGATE ? '?' : cp));
    return out.toString();
  }
}
