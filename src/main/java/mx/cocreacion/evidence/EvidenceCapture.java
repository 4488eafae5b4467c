package mx.cocreacion.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.validation.EvidenceFiles;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Copies evidence into {@code cc_evidence} when it is produced, in the same transaction: File
 * variables and links submitted with a task, every attachment of a completed task, and the
 * generated documents. Only files that pass {@link EvidenceFiles} are stored.
 */
@Component
public class EvidenceCapture {

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceCapture.class);

  /** The seed step of each process definition. */
  private static final String LOCAL_EXERCISE = "local-exercise";

  static final Map<String, Integer> STEP_OF_PROCESS = Map.of(
      LOCAL_EXERCISE, 1,
      "declaration", 1,
      "outreach", 2,
      "stl-integration", 3,
      "working-tables", 4,
      "pal-launch", 5,
      "follow-up", 6,
      "commitment-implementation", 6);

  private final EvidenceRepository evidence;
  private final ExerciseRepository exercises;

  public EvidenceCapture(EvidenceRepository evidence, ExerciseRepository exercises) {
    this.evidence = evidence;
    this.exercises = exercises;
  }

  /**
   * The seed step (1–6) of the task's process; for a task of {@code local-exercise} itself (the STL's sessions, which
   * run beside the steps), the step the exercise is in, as the plan of record has it.
   */
  int step(DelegateTask task) {
    String key = processKey(task);
    String exerciseId = LOCAL_EXERCISE.equals(key) ? exerciseId(task) : null;
    if (exerciseId != null) {
      return exercises.findById(exerciseId).map(Exercise::currentStep)
          .filter(current -> current >= 1 && current <= 6).orElse(STEP_OF_PROCESS.get(key));
    }
    return STEP_OF_PROCESS.getOrDefault(key, 0);
  }

  private static String processKey(DelegateTask task) {
    if (task instanceof TaskEntity entity && entity.getProcessDefinition() != null) {
      return entity.getProcessDefinition().getKey();
    }
    return task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
  }

  /** Stores a submitted File variable (if present and allowed); returns the evidence id. */
  public Optional<String> file(DelegateTask task, String source, TypedValue value) {
    if (!(value instanceof FileValue file) || file.getValue() == null) {
      return Optional.empty();
    }
    byte[] bytes;
    try (InputStream in = file.getValue()) {
      bytes = in.readNBytes(EvidenceFiles.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new IllegalStateException("No se pudo leer el archivo " + file.getFilename(), e);
    }
    return store(exerciseId(task), step(task), source, file.getFilename(), bytes, task.getId(), now());
  }

  /** Stores an external link (http or https only); returns the evidence id. */
  public Optional<String> link(DelegateTask task, String source, String url) {
    if (!isWebLink(url)) {
      return Optional.empty();
    }
    return Optional.of(evidence.addLink(exerciseId(task), step(task), cut(source), url.trim(), task.getId(), now()));
  }

  /** Stores a generated document (not by a task). */
  public String document(String exerciseId, int step, String source, String fileName, byte[] content) {
    String contentType = EvidenceContentTypes.of(content)
        .orElseThrow(() -> new IllegalStateException("Documento generado no válido: " + fileName));
    return evidence.addFile(exerciseId, step, source, fileName, contentType, content, null, now());
  }

  /**
   * Every attachment of the completed task: files whose content passes {@link EvidenceFiles}
   * (others are skipped and logged) and web links.
   */
  public void attachments(DelegateTask task) {
    String exerciseId = exerciseId(task);
    if (exerciseId == null) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    List<Attachment> attachments = context.getAttachmentManager().findAttachmentsByTaskId(task.getId());
    int step = step(task);
    for (Attachment attachment : attachments) {
      String source = "Anexo de «" + task.getName() + "»: " + attachment.getName()
          + (attachment.getDescription() == null || attachment.getDescription().isBlank()
              ? "" : " — " + attachment.getDescription().trim());
      String contentId = attachment instanceof AttachmentEntity entity ? entity.getContentId() : null;
      if (contentId != null) {
        ByteArrayEntity content = context.getDbEntityManager().selectById(ByteArrayEntity.class, contentId);
        byte[] bytes = content == null ? null : content.getBytes();
        if (store(exerciseId, step, source, attachment.getName(), bytes, task.getId(), now()).isEmpty()) {
          LOG.warn("Anexo {} de la tarea {} no se publica: no es un archivo permitido", attachment.getId(), task.getId());
        }
      } else if (isWebLink(attachment.getUrl())) {
        evidence.addLink(exerciseId, step, cut(source), attachment.getUrl().trim(), task.getId(), now());
      }
    }
  }

  private Optional<String> store(String exerciseId, int step, String source, String fileName, byte[] bytes,
      String taskId, Instant at) {
    if (exerciseId == null || bytes == null) {
      return Optional.empty();
    }
    return EvidenceContentTypes.of(bytes).map(type ->
        evidence.addFile(exerciseId, step, cut(source), fileName == null || fileName.isBlank() ? "archivo" : cut(fileName),
            type, bytes, taskId, at));
  }

  private static String exerciseId(DelegateTask task) {
    return ExerciseScope.exerciseId(task);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Texts fit the index's columns (500 characters). */
  private static String cut(String text) {
    return text.length() <= 500 ? text : text.substring(0, 499) + "…";
  }

  static boolean isWebLink(String url) {
    if (url == null || url.isBlank()) {
      return false;
    }
    try {
      URI uri = URI.create(url.trim());
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
