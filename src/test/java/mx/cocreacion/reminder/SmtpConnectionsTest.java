package mx.cocreacion.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Reminders go out over kept-alive SMTP connections ({@link SmtpConnections}): one per sending
 * thread while it keeps sending, a new one after the keep-alive or when the server has closed it,
 * and a message the server refused is never sent twice.
 */
class SmtpConnectionsTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private SmtpServer server;
  private JavaMailSenderImpl sender;

  @BeforeEach
  void start() throws IOException {
    server = new SmtpServer();
    sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(server.port());
    Properties timeouts = new Properties();
    timeouts.setProperty("mail.smtp.connectiontimeout", "5000");
    timeouts.setProperty("mail.smtp.timeout", "5000");
    timeouts.setProperty("mail.smtp.writetimeout", "5000");
    sender.setJavaMailProperties(timeouts);
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private SmtpConnections connections(Duration keepAlive) {
    return new SmtpConnections(sender, new ReminderProperties(null, null, null, null, keepAlive, null, null, null, null), nanos::get);
  }

  @Test
  void theRemindersOfOneThreadShareItsConnection() {
    SmtpConnections connections = connections(Duration.ofSeconds(10));
    for (int i = 1; i <= 3; i++) {
      connections.send(message("Recordatorio " + i));
      nanos.addAndGet(Duration.ofSeconds(9).toNanos());
    }
    assertThat(server.subjects()).containsExactly("Recordatorio 1", "Recordatorio 2", "Recordatorio 3");
    assertThat(server.connections()).isEqualTo(1);
    assertThat(connections.open()).isEqualTo(1);
    connections.closeAll();
    assertThat(connections.open()).isZero();
  }

  @Test
  void aConnectionIdleLongerThanTheKeepAliveIsClosedNotReused() {
    SmtpConnections connections = connections(Duration.ofSeconds(10));
    connections.send(message("antes"));
    nanos.addAndGet(Duration.ofSeconds(10).toNanos());
    connections.send(message("después"));
    assertThat(server.subjects()).containsExactly("antes", "después");
    assertThat(server.connections()).isEqualTo(2);
    assertThat(connections.open()).isEqualTo(1);
  }

  @Test
  void eachThreadHasItsOwnConnection() {
    SmtpConnections connections = connections(Duration.ofSeconds(10));
    connections.send(message("hilo 1"));
    CompletableFuture.runAsync(() -> connections.send(message("hilo 2"))).join();
    connections.send(message("hilo 1 otra vez"));
    assertThat(server.subjects()).containsExactlyInAnyOrder("hilo 1", "hilo 2", "hilo 1 otra vez");
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void aConnectionIdleForAWhileIsCheckedAndReplacedWhenTheServerClosedIt() {
    SmtpConnections connections = connections(Duration.ofSeconds(10));
    server.closeAfterEachMessage = true;
    connections.send(message("primero"));
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    connections.send(message("segundo"));
    assertThat(server.subjects()).containsExactly("primero", "segundo");
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void aReminderWhoseConnectionIsLostFailsAndIsNotSentAgainFromHere() {
    SmtpConnections connections = connections(Duration.ofSeconds(10));
    server.closeAfterEachMessage = true;
    connections.send(message("primero"));
    // Reused at once (not checked): the server may have taken a message whose answer was lost, so
    // the job's retry, not this class, sends it again.
    assertThatThrownBy(() -> connections.send(message("segundo"))).isInstanceOf(MailSendException.class);
    connections.send(message("tercero"));
    assertThat(server.subjects()).containsExactly("primero", "tercero");
  }

  @Test
  void idleConnectionsAreClosedByTheSweeperAndAllAtShutdown() {
    SmtpConnections connections = connections(Duration.ofSeconds(10));
    connections.send(message("uno"));
    connections.closeIdle();
    assertThat(connections.open()).as("not idle long enough").isOne();
    nanos.addAndGet(Duration.ofSeconds(10).toNanos());
    connections.closeIdle();
    assertThat(connections.open()).isZero();

    connections.send(message("dos"));
    connections.closeAll();
    assertThat(connections.open()).isZero();
    connections.send(message("tres"));
    connections.send(message("cuatro"));
    assertThat(server.subjects()).containsExactly("uno", "dos", "tres", "cuatro");
    assertThat(server.connections()).as("after shutdown, one per message").isEqualTo(4);
  }

  @Test
  void aReminderTheServerRefusesFailsAndIsNotSentAgain() {
    SmtpConnections connections = connections(Duration.ofSeconds(10));
    connections.send(message("aceptado"));
    server.refuseData = true;
    assertThatThrownBy(() -> connections.send(message("rechazado"))).isInstanceOf(MailSendException.class);
    assertThat(server.dataCommands()).as("one attempt only").isEqualTo(2);
    assertThat(server.subjects()).containsExactly("aceptado");

    server.refuseData = false;
    connections.send(message("después del rechazo"));
    assertThat(server.subjects()).containsExactly("aceptado", "después del rechazo");
  }

  @Test
  void aServerThatCannotBeReachedFailsAsSpringsSenderDoes() throws IOException {
    SmtpConnections connections = connections(Duration.ofSeconds(10));
    connections.send(message("antes"));
    try (ServerSocket closed = new ServerSocket(0)) {
      sender.setPort(closed.getLocalPort());
    }
    assertThatThrownBy(() -> connections.send(message("sin servidor")))
        .isInstanceOf(MailSendException.class).hasMessageContaining("Mail server connection failed");

    sender.setPort(server.port());
    connections.send(message("de vuelta"));
    assertThat(server.subjects()).containsExactly("antes", "de vuelta");
  }

  @Test
  void withoutKeepAliveEveryReminderHasItsOwnConnection() {
    SmtpConnections connections = connections(Duration.ZERO);
    connections.send(message("uno"));
    connections.send(message("dos"));
    assertThat(server.subjects()).containsExactly("uno", "dos");
    assertThat(server.connections()).isEqualTo(2);
    assertThat(connections.open()).isZero();
  }

  private MimeMessage message(String subject) {
    MimeMessage message = sender.createMimeMessage();
    try {
      var helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom("no-responder@cocreacion.mx");
      helper.setTo("persona@example.org");
      helper.setSubject(subject);
      helper.setText("Hola", false);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
    return message;
  }

  /** A minimal SMTP server: counts connections and DATA commands, keeps the subjects it accepted. */
  static class SmtpServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0);
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger dataCommands = new AtomicInteger();
    private final List<String> subjects = Collections.synchronizedList(new ArrayList<>());
    volatile boolean closeAfterEachMessage;
    volatile boolean refuseData;

    SmtpServer() throws IOException {
      Thread accept = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            Socket client = socket.accept();
            connections.incrementAndGet();
            Thread session = new Thread(() -> session(client));
            session.setDaemon(true);
            session.start();
          } catch (IOException closed) {
            return;
          }
        }
      });
      accept.setDaemon(true);
      accept.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int connections() {
      return connections.get();
    }

    int dataCommands() {
      return dataCommands.get();
    }

    List<String> subjects() {
      return List.copyOf(subjects);
    }

    private void session(Socket client) {
      try (client;
          var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
        OutputStream out = client.getOutputStream();
        reply(out, "220 prueba");
        String line;
        while ((line = in.readLine()) != null) {
          String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
          switch (command) {
            case "EHLO", "HELO" -> reply(out, "250 prueba");
            case "DATA" -> {
              dataCommands.incrementAndGet();
              if (refuseData) {
                reply(out, "554 rechazado");
                continue;
              }
              reply(out, "354 adelante");
              String subject = null;
              while ((line = in.readLine()) != null && !line.equals(".")) {
                if (line.startsWith("Subject: ")) {
                  subject = jakarta.mail.internet.MimeUtility.decodeText(line.substring(9));
                }
              }
              subjects.add(subject);
              reply(out, "250 recibido");
              if (closeAfterEachMessage) {
                return;
              }
            }
            case "QUIT" -> {
              reply(out, "221 adiós");
              return;
            }
            default -> reply(out, "250 bien");
          }
        }
      } catch (IOException e) {
        // the client went away
      }
    }

    private static void reply(OutputStream out, String line) throws IOException {
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
