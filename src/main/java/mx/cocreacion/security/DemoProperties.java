package mx.cocreacion.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Demo mode ({@code cocreacion.demo}): demo tenants and users, all with the demo password. */
@ConfigurationProperties("cocreacion.demo")
public record DemoProperties(boolean enabled, List<String> tenants, String password) {

  public DemoProperties {
    tenants = tenants == null ? List.of("oax", "jal", "cam") : List.copyOf(tenants);
    password = password == null ? "demo" : password;
  }
}
