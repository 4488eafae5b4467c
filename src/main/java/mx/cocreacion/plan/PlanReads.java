package mx.cocreacion.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a transaction already read of the plan of record, read once per transaction (issue 19): one completion's
 * listeners, summaries and form variables ask for an exercise's commitments several times (an STL vote's summary
 * three times, each commitment-implementation instance once per commitment), each time the same five to ten
 * queries. Every write of the plan of record says so through {@link PlanEvents#changed()}, which forgets what was
 * read: a read after a write in the same transaction queries again. Nothing outlives the transaction (the public
 * caches keep what they read on their own); without a transaction (a test calling a bean directly) nothing is kept.
 * What is kept must be immutable: every caller gets the same object.
 */
@Component
public class PlanReads {

  /** {@code read}'s answer, read once in this transaction for {@code key} (the kind of read and the exercise). */
  @SuppressWarnings("unchecked")
  public <T> T once(String key, Supplier<T> read) {
    Reads reads = ofThisTransaction(true);
    if (reads == null) {
      return read.get();
    }
    Object kept = reads.kept.get(key);
    if (kept == null) {
      kept = read.get();
      reads.kept.put(key, kept);
    }
    return (T) kept;
  }

  /** A write of the plan of record in this transaction: what was read is read again. */
  void forget() {
    Reads reads = ofThisTransaction(false);
    if (reads != null) {
      reads.kept.clear();
    }
  }

  /**
   * The reads of the current transaction, a synchronization of its own: a transaction started inside it
   * (REQUIRES_NEW, which suspends the outer one's synchronizations) has its own.
   */
  private static Reads ofThisTransaction(boolean create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
      if (s instanceof Reads reads) {
        return reads;
      }
    }
    if (!create) {
      return null;
    }
    Reads reads = new Reads();
    TransactionSynchronizationManager.registerSynchronization(reads);
    return reads;
  }

  private static final class Reads implements TransactionSynchronization {

    final Map<String, Object> kept = new HashMap<>();

    @Override
    public void suspend() {
      kept.clear(); // another transaction may write meanwhile
    }
  }
}
