package mx.cocreacion.reminder;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends the reminders over SMTP connections that stay open between messages, one per sending
 * thread (the job executor's), for {@code cocreacion.reminders.smtp-keep-alive} after its last
 * message. Spring's {@link JavaMailSenderImpl#send} opens a connection per message: a TCP connection,
 * the greeting, {@code EHLO}, {@code QUIT}, and (with {@code mail.smtp.writetimeout}, which the
 * product sets) a new thread per connection in Jakarta Mail; in a storm of reminders that was a
 * large share of each reminder's cost.
 *
 * <p>The settings are the sender's own ({@code spring.mail.*}: host, port, user, password, session
 * properties), read at each message, so a change (tests point the sender elsewhere) opens a new
 * connection. A connection idle for longer than the keep-alive is closed (by a sweeper thread, not in a
 * reminder's transaction) rather than reused: servers close idle connections themselves (minutes,
 * typically). One idle for more than {@link #CHECK_AFTER_IDLE} is checked ({@code NOOP}) before it is
 * used. A failure throws as with Spring's sender ({@code MailSendException}, "Mail server connection
 * failed" when the server cannot be reached), so the reminder job rolls back and retries; the message
 * is never sent again from here (after a connection lost at the end of {@code DATA} the server may have
 * taken it, and the job's retry is the one resend, as before).
 *
 * <p>With a keep-alive of zero, or a mail sender that is not Spring's {@link JavaMailSenderImpl},
 * every message goes through the sender as before.
 */
@Component
public class SmtpConnections {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpConnections.class);
  /** A connection idle longer than this is checked with a {@code NOOP} before a message goes over it. */
  static final Duration CHECK_AFTER_IDLE = Duration.ofSeconds(1);

  private final JavaMailSender sender;
  private final long keepAliveNanos;
  private final LongSupplier nanoTime;
  private final Map<Thread, Kept> kept = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper;
  private volatile boolean stopped;

  @Autowired
  public SmtpConnections(JavaMailSender sender, ReminderProperties properties) {
    this(sender, properties, System::nanoTime);
  }

  /** With the clock the keep-alive is measured on (tests). */
  SmtpConnections(JavaMailSender sender, ReminderProperties properties, LongSupplier nanoTime) {
    this.sender = sender;
    this.keepAliveNanos = properties.smtpKeepAlive().toNanos();
    this.nanoTime = nanoTime;
    if (keepAliveNanos > 0) {
      sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smtp-idle-closer");
        thread.setDaemon(true);
        return thread;
      });
      long every = Math.max(keepAliveNanos, Duration.ofSeconds(1).toNanos());
      sweeper.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.NANOSECONDS);
    } else {
      sweeper = null;
    }
  }

  /** An open connection of one thread, to one server as one user. */
  private final class Kept {
    final Transport transport;
    final String server;
    long lastUsed = nanoTime.getAsLong();
    boolean inUse;
    boolean closed;

    Kept(Transport transport, String server) {
      this.transport = transport;
      this.server = server;
    }

    /** Whether this connection may carry the next message to {@code wanted} (then it is in use). */
    synchronized boolean take(String wanted) {
      long idle = nanoTime.getAsLong() - lastUsed;
      if (closed || !server.equals(wanted) || idle >= keepAliveNanos) {
        return false;
      }
      if (idle > CHECK_AFTER_IDLE.toNanos() && !transport.isConnected()) { // a NOOP to the server
        return false;
      }
      inUse = true;
      return true;
    }

    synchronized void release() {
      inUse = false;
      lastUsed = nanoTime.getAsLong();
      if (stopped) {
        close();
      }
    }

    synchronized boolean closeIfIdle() {
      if (inUse || closed || nanoTime.getAsLong() - lastUsed < keepAliveNanos) {
        return false;
      }
      close();
      return true;
    }

    synchronized void close() {
      closed = true;
      try {
        transport.close();
      } catch (MessagingException | RuntimeException e) {
        LOG.debug("Conexión SMTP cerrada con error", e);
      }
    }
  }

  /** Sends {@code message} to its recipients, over this thread's open connection when there is one. */
  public void send(MimeMessage message) {
    if (keepAliveNanos <= 0 || stopped || !(sender instanceof JavaMailSenderImpl mail)) {
      sender.send(message);
      return;
    }
    prepare(message);
    // Which server, as whom, with which session (properties): another one needs another connection.
    String server = mail.getProtocol() + "://" + mail.getUsername() + ":" + Objects.hashCode(mail.getPassword())
        + "@" + mail.getHost() + ":" + mail.getPort() + "/" + System.identityHashCode(mail.getSession());
    Thread thread = Thread.currentThread();
    Kept connection = kept.get(thread);
    boolean reused = connection != null && connection.take(server);
    if (!reused) {
      if (connection != null) {
        connection.close();
      }
      connection = connect(mail, server);
      kept.put(thread, connection);
    }
    try {
      deliver(connection, message);
    } catch (MessagingException e) {
      connection.close();
      kept.remove(thread, connection);
      throw new MailSendException("Failed messages: " + e.getMessage(), e);
    }
  }

  private static void deliver(Kept connection, MimeMessage message) throws MessagingException {
    try {
      Address[] recipients = message.getAllRecipients();
      connection.transport.sendMessage(message, recipients != null ? recipients : new Address[0]);
    } finally {
      connection.release();
    }
  }

  /** What {@link JavaMailSenderImpl} does to a message before it sends it. */
  private static void prepare(MimeMessage message) {
    try {
      if (message.getSentDate() == null) {
        message.setSentDate(new Date());
      }
      String messageId = message.getMessageID();
      message.saveChanges();
      if (messageId != null) {
        message.setHeader("Message-ID", messageId);
      }
    } catch (MessagingException e) {
      throw new MailSendException("Failed messages: " + e.getMessage(), e);
    }
  }

  /** A new connection, as {@link JavaMailSenderImpl} opens it (same session, protocol, host, port, user). */
  private Kept connect(JavaMailSenderImpl mail, String server) {
    String username = "".equals(mail.getUsername()) ? null : mail.getUsername();
    String password = username == null && "".equals(mail.getPassword()) ? null : mail.getPassword();
    try {
      String protocol = mail.getProtocol() != null ? mail.getProtocol()
          : mail.getSession().getProperty("mail.transport.protocol");
      Transport transport = mail.getSession().getTransport(protocol != null ? protocol : JavaMailSenderImpl.DEFAULT_PROTOCOL);
      transport.connect(mail.getHost(), mail.getPort(), username, password);
      Kept connection = new Kept(transport, server);
      connection.inUse = true;
      return connection;
    } catch (AuthenticationFailedException e) {
      throw new MailAuthenticationException(e);
    } catch (MessagingException e) {
      throw new MailSendException("Mail server connection failed", e);
    }
  }

  /** Closes the connections idle longer than the keep-alive, and those of threads that ended. */
  void closeIdle() {
    kept.entrySet().removeIf(entry -> {
      if (!entry.getKey().isAlive()) {
        entry.getValue().close();
        return true;
      }
      return entry.getValue().closeIfIdle();
    });
  }

  /** How many connections are open (for tests and diagnosis). */
  int open() {
    return (int) kept.values().stream().filter(k -> !k.closed).count();
  }

  /** At shutdown: closes every connection (one carrying a message when it is done); later messages go as Spring sends them. */
  @PreDestroy
  void closeAll() {
    stopped = true;
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    kept.values().forEach(connection -> {
      synchronized (connection) {
        if (!connection.inUse) {
          connection.close();
        }
      }
    });
    kept.clear();
  }
}
