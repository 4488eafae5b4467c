package mx.cocreacion.security;

import java.lang.reflect.Field;

/**
 * Reads a field of an engine command (Camunda keeps them protected and has no getters): the task id of
 * a claim, the variables of a completion. Internal API of Camunda 7.24.0; a renamed field fails closed
 * (the guard refuses) and {@code EngineCommandsTest} names it.
 */
public final class CommandFields {

  private CommandFields() {}

  /** The value of {@code name} in the command or one of its superclasses. */
  public static Object read(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException | RuntimeException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name
        + " (a Camunda upgrade renamed it: see EngineCommandsTest)");
  }

  /** Replaces the value of {@code name} (e.g. an upload's stream, once it has been read to be checked). */
  public static void write(Object command, String name, Object value) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        field.set(command, value);
        return;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException | RuntimeException e) {
        throw new IllegalStateException("Cannot write " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
  }

  public static String string(Object command, String name) {
    Object value = read(command, name);
    return value == null ? null : value.toString();
  }
}
