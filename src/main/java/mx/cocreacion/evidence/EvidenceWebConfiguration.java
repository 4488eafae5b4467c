package mx.cocreacion.evidence;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the attachment upload check on engine REST and on the Tasklist's engine API. */
@Configuration
class EvidenceWebConfiguration {

  @Bean
  FilterRegistrationBean<AttachmentUploadFilter> attachmentUploadFilter() {
    var registration = new FilterRegistrationBean<>(new AttachmentUploadFilter());
    registration.setName("evidence-attachment-upload");
    // After authentication (engine REST Basic auth, webapp session and CSRF filters).
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/engine/*");
    return registration;
  }
}
