package mx.cocreacion.operations;

import jakarta.servlet.DispatcherType;
import mx.cocreacion.security.RestAuthenticationCache;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Operation: who may read the actuator, the mail server's health, the answer to a failing database. */
@Configuration
class OperationsConfiguration {

  /** After the security headers (order 0) and engine REST's authentication (order 1, other paths). */
  static final int ACTUATOR_ACCESS_ORDER = 2;

  @Bean
  FilterRegistrationBean<ActuatorAccessFilter> actuatorAccess(IdentityService identity,
      OperationsProperties properties, RestAuthenticationCache logins) {
    var registration = new FilterRegistrationBean<>(
        new ActuatorAccessFilter(identity, properties.actuatorGroups(), logins));
    registration.setName("actuator-access");
    registration.setOrder(ACTUATOR_ACCESS_ORDER);
    registration.addUrlPatterns(ActuatorAccessFilter.BASE_PATH + "/*", ActuatorAccessFilter.BASE_PATH);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  /** Outermost: catches a failure of the database from any later filter or servlet. */
  @Bean
  FilterRegistrationBean<DatabaseFaultFilter> databaseFaults() {
    var registration = new FilterRegistrationBean<>(new DatabaseFaultFilter());
    registration.setName("database-faults");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  /** Engine REST and the webapps (their API and engine REST): the look-up of the engine in every request. */
  @Bean
  FilterRegistrationBean<ServiceFilesFilter> serviceFiles() {
    var registration = new FilterRegistrationBean<>(new ServiceFilesFilter());
    registration.setName("service-files");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  /** Named so that it replaces Spring Boot's mail health indicator. */
  @Bean
  MailHealthIndicator mailHealthIndicator(JavaMailSenderImpl mailSender, OperationsProperties properties) {
    return new MailHealthIndicator(mailSender, properties);
  }
}
