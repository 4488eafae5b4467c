package mx.cocreacion.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine REST's successful HTTP Basic logins of the last {@code cocreacion.security.rest-auth-cache}
 * (default 30 s): user, groups and tenants. Without it every REST request checks the password and reads
 * the user's groups and tenants again (three queries before the request's own work; docs/benchmark.md). A failed login, a provisioned or withdrawn account ({@link AccountProvisioning}) evicts
 * the user's entries at once, so a lock after wrong passwords and a withdrawn STL role apply to the
 * next request; changes made elsewhere (Admin webapp) apply at the latest after the period.
 *
 * <p>Entries are keyed by a salted SHA-256 of the whole {@code Authorization} header: neither the
 * password nor a reusable hash of it is kept. The period is measured with {@link System#nanoTime()},
 * not the engine clock (tests move that one), and the cache holds at most {@link #MAX_ENTRIES}.
 */
@Component
public class RestAuthenticationCache {

  static final int MAX_ENTRIES = 10_000;

  /** What a successful login established. */
  public record Login(String userId, List<String> groups, List<String> tenants) {}

  private record Entry(Login login, long expiresAt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final byte[] salt = new byte[16];
  private final long ttlNanos;
  private final LongSupplier clock;

  @Autowired
  public RestAuthenticationCache(@Value("${cocreacion.security.rest-auth-cache:PT30S}") Duration ttl) {
    this(ttl, System::nanoTime);
  }

  RestAuthenticationCache(Duration ttl, LongSupplier clock) {
    this.ttlNanos = ttl.toNanos();
    this.clock = clock;
    new SecureRandom().nextBytes(salt);
  }

  /** Whether logins are kept at all (a period of zero switches the cache off). */
  public boolean enabled() {
    return ttlNanos > 0;
  }

  /** The login established with this {@code Authorization} header, if still fresh. */
  public Login find(String authorizationHeader) {
    if (!enabled() || authorizationHeader == null) {
      return null;
    }
    String key = key(authorizationHeader);
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (clock.getAsLong() - entry.expiresAt() >= 0) {
      entries.remove(key, entry);
      return null;
    }
    return entry.login();
  }

  /** Keeps a successful login for the period. */
  public void remember(String authorizationHeader, Login login) {
    if (!enabled() || authorizationHeader == null) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear(); // bounded: at worst everyone checks their password once more
    }
    entries.put(key(authorizationHeader), new Entry(login, clock.getAsLong() + ttlNanos));
  }

  /** Forgets every login of the user now (a failed login: a lock must apply to the next request). */
  public void forget(String userId) {
    if (userId != null) {
      entries.values().removeIf(e -> e.login().userId().equals(userId));
    }
  }

  /**
   * Forgets the user's logins when the current engine transaction commits (and now): an account
   * change must not be re-cached from the state before the commit.
   */
  public void forgetOnCommit(String userId) {
    forget(userId);
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> forget(userId));
    }
  }

  int size() {
    return entries.size();
  }

  private String key(String header) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return HexFormat.of().formatHex(sha.digest(header.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
