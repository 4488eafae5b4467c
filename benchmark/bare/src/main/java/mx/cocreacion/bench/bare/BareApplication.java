package mx.cocreacion.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The bare Camunda peer of the benchmark: the same engine version and starter as the product,
 * with only BPMN models of the same wait states and task keys (src/main/resources/bpmn).
 */
@SpringBootApplication
public class BareApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareApplication.class, args);
  }
}
