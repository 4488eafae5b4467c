package mx.cocreacion.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Rules for passwords people choose: ≥ 12 characters, a letter and a digit, not the user id, not a common one. */
final class PasswordRules {

  static final int MIN_LENGTH = 12;

  private static final Set<String> COMMON = Set.of(
      "123456789012", "password1234", "contraseña123", "contrasena123", "qwerty123456", "qwertyuiop12",
      "abc123456789", "password123!", "123456789abc", "1q2w3e4r5t6y", "admin1234567", "cocreacion123",
      "cocreacion2024", "cocreacion2025", "cocreacion2026", "mexico123456", "iloveyou1234");

  private PasswordRules() {}

  /** The reason (in Spanish) why the password is refused, or empty when it is acceptable. */
  static Optional<String> problem(String password, String userId) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of("La contraseña debe tener al menos " + MIN_LENGTH + " caracteres.");
    }
    if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
      return Optional.of("La contraseña debe contener al menos una letra y un número.");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (userId != null) {
      String id = userId.toLowerCase(Locale.ROOT);
      int at = id.indexOf('@');
      if (lower.equals(id) || (at > 0 && lower.equals(id.substring(0, at)))) {
        return Optional.of("La contraseña no puede ser su usuario ni su correo electrónico.");
      }
    }
    if (COMMON.contains(lower)) {
      return Optional.of("Esa contraseña es demasiado común; elija otra.");
    }
    return Optional.empty();
  }
}
