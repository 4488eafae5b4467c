package mx.cocreacion.microsite;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import mx.cocreacion.plan.PlanChanged;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A short-lived cache of the public read model (microsite and open data), dropped whole when the
 * plan of record changes: the writers of the {@code cc_*} tables the public reads publish
 * {@link PlanChanged} after each write, and the cache drops when that write's transaction commits (at
 * once when there is no transaction). So a committed write is visible on the next read; a rolled-back
 * one drops nothing. The cache knows nothing of who writes.
 *
 * <p>Entries also expire after {@code cocreacion.microsite.cache-ttl} on the engine's clock: what
 * changes with time alone (the overdue tasks counted against now) is at most that old. The cache
 * holds at most {@code cache-max-entries}; when full, expired entries go, and a new one is not kept
 * until there is room.
 *
 * <p>Reads inside a transaction bypass the cache (they must see their own uncommitted writes, which
 * no one else may see). A value is not kept when the cache was dropped while it was read (it could
 * hold what a commit just replaced): every entry carries the generation it was read in, and each drop
 * starts a new one.
 */
@Component
public class PublicDataCache {

  private record Entry(Object value, long generation, long readAt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final long ttlMillis;
  private final int maxEntries;

  public PublicDataCache(MicrositeProperties properties) {
    this.ttlMillis = properties.cacheTtl().toMillis();
    this.maxEntries = properties.cacheMaxEntries();
  }

  /** The cached value of {@code key}, or {@code read}'s (then kept for the next reads). */
  public <T> T get(String key, Supplier<T> read) {
    return get(key, read, value -> true);
  }

  /** The cached value of {@code key}, or {@code read}'s, kept for the next reads only if {@code keep} accepts it. */
  @SuppressWarnings("unchecked")
  public <T> T get(String key, Supplier<T> read, Predicate<? super T> keep) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return read.get(); // it must see its own writes, and others must not see them before the commit
    }
    long now = now();
    long current = generation.get();
    Entry entry = entries.get(key);
    if (entry != null && entry.generation() == current && now >= entry.readAt() && now - entry.readAt() < ttlMillis) {
      return (T) entry.value();
    }
    T value = read.get();
    if (keep.test(value) && generation.get() == current && hasRoom(now)) {
      entries.put(key, new Entry(value, current, now));
    }
    return value;
  }

  /**
   * The plan of record changed ({@link PlanChanged}, published by its writers through
   * {@code PlanEvents}): the cache is dropped once the write's transaction commits, or at once
   * without one; a rolled-back write drops nothing.
   */
  @TransactionalEventListener(fallbackExecution = true)
  void planChanged(PlanChanged event) {
    drop();
  }

  /** How many times the cache was dropped (for tests and diagnosis). */
  long generation() {
    return generation.get();
  }

  private void drop() {
    generation.incrementAndGet();
    entries.clear();
  }

  /** Whether one more entry fits, once the expired ones are gone (a crawl must not push out the hot ones). */
  private boolean hasRoom(long now) {
    if (entries.size() < maxEntries) {
      return true;
    }
    entries.values().removeIf(e -> now - e.readAt() >= ttlMillis || now < e.readAt());
    return entries.size() < maxEntries;
  }

  private static long now() {
    return ClockUtil.getCurrentTime().getTime();
  }
}
