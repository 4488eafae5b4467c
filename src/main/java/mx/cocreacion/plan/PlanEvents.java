package mx.cocreacion.plan;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a writer of the plan of record says so: {@link #changed()} after each write publishes
 * {@link PlanChanged}. Listeners take it with {@code @TransactionalEventListener} (after the commit, or at
 * once without a transaction), so a rolled-back write changes nothing for readers. It also makes the transaction
 * read again what it had read of the plan ({@link PlanReads}).
 */
@Component
public class PlanEvents {

  private static final PlanChanged CHANGED = new PlanChanged();

  private final ApplicationEventPublisher events;
  private final PlanReads reads;

  PlanEvents(ApplicationEventPublisher events, PlanReads reads) {
    this.events = events;
    this.reads = reads;
  }

  /** Call it after a write to the plan of record, inside the write's transaction. */
  public void changed() {
    reads.forget();
    events.publishEvent(CHANGED);
  }
}
