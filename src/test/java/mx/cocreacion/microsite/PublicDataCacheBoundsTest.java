package mx.cocreacion.microsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache alone: its time-to-live on the engine's clock, its bound, and a drop outside a transaction. */
class PublicDataCacheBoundsTest {

  private static final Instant T0 = Instant.parse("2031-03-01T16:00:00Z");

  private final PublicDataCache cache = new PublicDataCache(new MicrositeProperties(Duration.ofSeconds(20), 2, null));
  private final AtomicInteger reads = new AtomicInteger();

  @BeforeEach
  void setClock() {
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String read(String key) {
    return cache.get(key, () -> key + reads.incrementAndGet());
  }

  @Test
  void keepsAValueForItsTimeToLiveOnTheEnginesClock() {
    assertThat(read("all")).isEqualTo("all1");
    ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(19)));
    assertThat(read("all")).isEqualTo("all1");
    ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(20)));
    assertThat(read("all")).as("expired").isEqualTo("all2");
  }

  @Test
  void keepsNoMoreThanItsBoundAndMakesRoomFromExpiredEntries() {
    read("a");
    read("b");
    assertThat(read("c")).isEqualTo("c3");
    assertThat(read("c")).as("full: not kept").isEqualTo("c4");
    assertThat(read("a")).as("the older entries stay").isEqualTo("a1");

    ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(30)));
    read("c");
    assertThat(read("c")).as("room once the others expired").isEqualTo("c5");
  }

  @Test
  void aChangeOutsideATransactionDropsEverythingAtOnce() {
    read("a");
    long generation = cache.generation();
    cache.planChanged(new mx.cocreacion.plan.PlanChanged());
    assertThat(cache.generation()).isEqualTo(generation + 1);
    assertThat(read("a")).isEqualTo("a2");
  }
}
