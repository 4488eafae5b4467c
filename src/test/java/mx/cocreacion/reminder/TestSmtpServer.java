package mx.cocreacion.reminder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP server of the tests: GreenMail, in process, on a free port, for the whole (shared)
 * test context. Found by the application's component scan, so every test class that uses
 * {@code @CocreacionTest} shares one server; the application's own mail sender (Spring Boot's,
 * from {@code spring.mail.*}) is pointed at it. Tests read the messages back from this bean.
 */
@Configuration(proxyBeanMethods = false)
public class TestSmtpServer {

  @Bean(destroyMethod = "stop")
  GreenMail greenMail(MailProperties mail, JavaMailSenderImpl sender) {
    GreenMail server = new GreenMail(new ServerSetup(0, mail.getHost(), ServerSetup.PROTOCOL_SMTP));
    server.start();
    sender.setHost(mail.getHost());
    sender.setPort(server.getSmtp().getPort());
    return server;
  }
}
