package mx.cocreacion;

import mx.cocreacion.operations.ServiceLookups;
import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Cocreación desde lo local: the six steps of INAI's local open-government method as Camunda 7
 * processes. The BPMN files in {@code bpmn/} and the forms in {@code forms/} are deployed by this
 * process application (see {@code META-INF/processes.xml}).
 */
@SpringBootApplication
@EnableProcessApplication("cocreacion")
@ConfigurationPropertiesScan
public class CocreacionApplication {

  static {
    ServiceLookups.pin(); // before the engine and the mail sender first use them (also in tests)
  }

  public static void main(String[] args) {
    SpringApplication.run(CocreacionApplication.class, args);
  }
}
