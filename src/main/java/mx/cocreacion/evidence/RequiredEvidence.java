package mx.cocreacion.evidence;

import java.util.List;
import mx.cocreacion.validation.EvidenceFiles;
import mx.cocreacion.validation.TaskInput;
import mx.cocreacion.validation.TextRules;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Evidence a task cannot be completed without (the minutes of the meeting that elected the STL, the record of
 * the PAL's public launch): a file in the task's File field (REST), a web link in its link field, or an
 * attachment of the task (Tasklist's «Evidencia» tab: a file of an allowed kind, or a web link). The file and
 * the link are checked as any evidence is; {@link EvidenceCapture} then publishes whatever was given.
 */
@Component
public class RequiredEvidence {

  /**
   * Refuses {@code fileField} with {@code missing} when the completion carries no evidence. {@code linkField}
   * may be null (the task has no link field).
   */
  public void require(TaskInput input, String fileField, String linkField, String missing) {
    TypedValue file = input.typed(fileField);
    EvidenceFiles.check(input, fileField, file);
    boolean given = file instanceof FileValue value && value.getValue() != null;
    if (linkField != null) {
      String url = input.optionalText(linkField, TaskInput.URL);
      if (url != null && !EvidenceCapture.isWebLink(url)) {
        input.reject(linkField, "«" + TextRules.excerpt(url) + "» no es un enlace web válido (debe empezar con http:// o https://)");
        return;
      }
      given |= url != null;
    }
    if (!given && !input.task().map(RequiredEvidence::attached).orElse(false)) {
      input.reject(fileField, missing);
    }
  }

  /** Whether the task has an attachment that will be published: an allowed file or a web link. */
  static boolean attached(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return false;
    }
    List<Attachment> attachments = context.getAttachmentManager().findAttachmentsByTaskId(task.getId());
    for (Attachment attachment : attachments) {
      String contentId = attachment instanceof AttachmentEntity entity ? entity.getContentId() : null;
      if (contentId != null) {
        ByteArrayEntity content = context.getDbEntityManager().selectById(ByteArrayEntity.class, contentId);
        if (content != null && content.getBytes() != null && EvidenceContentTypes.of(content.getBytes()).isPresent()) {
          return true;
        }
      } else if (EvidenceCapture.isWebLink(attachment.getUrl())) {
        return true;
      }
    }
    return false;
  }
}
