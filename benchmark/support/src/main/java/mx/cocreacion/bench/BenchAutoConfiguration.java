package mx.cocreacion.bench;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Benchmark instrumentation of a node (product or bare peer). This jar is on a node's classpath
 * only when {@code ./bench} starts it ({@code -Dloader.path}); the product's build and tests never
 * see it. It counts the JDBC statements of the node's DataSource and exposes {@code /bench/**}
 * (statement count, in-process starts, moving timers to one instant, read-side seeding).
 */
@AutoConfiguration
@Import({BenchController.class, ReadSideSeeder.class})
public class BenchAutoConfiguration {

  @Bean
  static BeanPostProcessor benchCountingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource ds && !(bean instanceof CountingDataSource)) {
          return new CountingDataSource(ds);
        }
        return bean;
      }
    };
  }
}
