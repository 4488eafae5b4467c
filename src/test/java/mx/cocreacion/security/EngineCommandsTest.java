package mx.cocreacion.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskEventsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.webapp.impl.db.QueryServiceImpl;
import org.junit.jupiter.api.Test;

/**
 * The guard's table of engine commands ({@code engine-commands.txt}) is complete and true for the Camunda on
 * the classpath: every command class of the engine, the webapps and engine REST is classified (a Camunda
 * upgrade that adds one fails here, so it gets a kind before a person can run it: unknown commands are
 * refused), every line names a class that exists, and the fields of Camunda's commands that the guard reads
 * are there.
 */
class EngineCommandsTest {

  @Test
  void everyCommandOfCamundaIsClassified() throws Exception {
    List<String> unclassified = new ArrayList<>();
    for (String name : commandClasses()) {
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      if (!AbstractQuery.class.isAssignableFrom(type) && !EngineCommands.table().containsKey(name)) {
        unclassified.add(name);
      }
    }
    assertThat(unclassified).as("commands missing from engine-commands.txt").isEmpty();
  }

  @Test
  void everyLineOfTheTableNamesACommandOfCamunda() {
    for (String name : EngineCommands.table().keySet()) {
      assertThatCode(() -> assertThat(Command.class).isAssignableFrom(Class.forName(name, false,
          getClass().getClassLoader()))).as(name).doesNotThrowAnyException();
    }
  }

  @Test
  void thePeoplesWritesAreFewAndNamed() {
    List<String> userWrites = EngineCommands.table().entrySet().stream()
        .filter(e -> e.getValue() == EngineCommands.Kind.USER_WRITE)
        .map(e -> e.getKey().substring(e.getKey().lastIndexOf('.') + 1)).sorted().toList();
    assertThat(userWrites).containsExactly("AddCommentCmd", "AssignTaskCmd", "CheckPassword", "ClaimTaskCmd",
        "CompleteTaskCmd", "CreateAttachmentCmd", "DeleteAttachmentCmd", "SaveUserCmd", "StartProcessInstanceCmd",
        "SubmitStartFormCmd", "SubmitTaskFormCmd");
    assertThat(EngineCommands.table()).containsEntry("org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd",
        EngineCommands.Kind.ADMINISTRATION);
  }

  @Test
  void theFieldsTheGuardReadsAreThere() {
    Map<Class<?>, List<String>> fields = Map.ofEntries(
        Map.entry(CompleteTaskCmd.class, List.of("taskId", "variables")),
        Map.entry(SubmitTaskFormCmd.class, List.of("taskId", "properties")),
        Map.entry(ClaimTaskCmd.class, List.of("taskId", "userId")),
        Map.entry(AssignTaskCmd.class, List.of("taskId", "userId")),
        Map.entry(CreateAttachmentCmd.class, List.of("taskId", "processInstanceId", "attachmentName",
            "attachmentType", "attachmentDescription", "url")),
        Map.entry(DeleteAttachmentCmd.class, List.of("attachmentId", "taskId")),
        Map.entry(AddCommentCmd.class, List.of("taskId", "processInstanceId", "message")),
        Map.entry(SaveUserCmd.class, List.of("user")),
        Map.entry(GetAttachmentCmd.class, List.of("attachmentId")),
        Map.entry(GetAttachmentContentCmd.class, List.of("attachmentId")),
        Map.entry(GetTaskAttachmentCmd.class, List.of("taskId", "attachmentId")),
        Map.entry(GetTaskAttachmentContentCmd.class, List.of("taskId", "attachmentId")),
        Map.entry(GetTaskAttachmentsCmd.class, List.of("taskId")),
        Map.entry(GetTaskCommentsCmd.class, List.of("taskId")),
        Map.entry(GetTaskCommentCmd.class, List.of("taskId")),
        Map.entry(GetTaskEventsCmd.class, List.of("taskId")),
        Map.entry(GetProcessInstanceAttachmentsCmd.class, List.of("processInstanceId")),
        Map.entry(GetProcessInstanceCommentsCmd.class, List.of("processInstanceId")),
        // completion.ShownFields: the reads of a task's variables it answers.
        Map.entry(GetTaskFormVariablesCmd.class, List.of("resourceId", "formVariableNames", "deserializeObjectValues")),
        Map.entry(GetTaskVariablesCmd.class, List.of("taskId", "variableNames", "isLocal", "deserializeValues")),
        Map.entry(GetTaskVariableCmd.class, List.of("taskId", "variableName", "isLocal")),
        Map.entry(GetTaskVariableCmdTyped.class, List.of("taskId", "variableName", "isLocal", "deserializeValue")));
    fields.forEach((type, names) -> names.forEach(name -> assertThat(declares(type, name))
        .as(type.getSimpleName() + "." + name).isTrue()));
  }

  private static boolean declares(Class<?> type, String field) {
    for (Class<?> t = type; t != null; t = t.getSuperclass()) {
      try {
        t.getDeclaredField(field);
        return true;
      } catch (NoSuchFieldException e) {
        // the superclass
      }
    }
    return false;
  }

  /** The concrete command classes of the jars of the engine, the webapps and engine REST. */
  private static TreeSet<String> commandClasses() throws IOException, URISyntaxException {
    TreeSet<String> names = new TreeSet<>();
    for (Class<?> anchor : List.of(Command.class, QueryServiceImpl.class, RestException.class)) {
      Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (var entries = zip.entries(); entries.hasMoreElements(); ) {
          String entry = entries.nextElement().getName();
          if (!entry.endsWith(".class") || entry.contains("module-info")) {
            continue;
          }
          String name = entry.substring(0, entry.length() - 6).replace('/', '.');
          try {
            Class<?> type = Class.forName(name, false, EngineCommandsTest.class.getClassLoader());
            if (Command.class.isAssignableFrom(type) && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers())) {
              names.add(name);
            }
          } catch (Throwable notLoadable) {
            // optional dependencies of the jar that this application does not have
          }
        }
      }
    }
    return names;
  }
}
