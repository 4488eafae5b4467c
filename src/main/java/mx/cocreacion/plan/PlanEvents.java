package mx.cocreacion.plan;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a writer of the plan of record says so: {@link #changed()} after each write publishes
 * {@link PlanChanged}. Listeners take it with {@code @TransactionalEventListener} (after the commit, or at
 * once without a transaction), so a rolled-back write changes nothing for readers.
 */
@Component
public class PlanEvents {

  private static final PlanChanged CHANGED = new PlanChanged();

  private final ApplicationEventPublisher events;

  PlanEvents(ApplicationEventPublisher events) {
    this.events = events;
  }

  /** Call it after a write to the plan of record, inside the write's transaction. */
  public void changed() {
    events.publishEvent(CHANGED);
  }
}
