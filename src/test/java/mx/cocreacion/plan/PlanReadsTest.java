package mx.cocreacion.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mx.cocreacion.support.CocreacionTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PlanReads}: a transaction reads the plan of record once, reads it again after a write of its own, and
 * shares nothing with another transaction (issue 19: the same commitments were read about 40 times an exercise).
 */
@CocreacionTest
class PlanReadsTest {

  @Autowired PlanReads reads;
  @Autowired PlanEvents plan;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aTransactionReadsOnceUntilItWritesThePlan() {
    AtomicInteger queries = new AtomicInteger();
    List<Integer> answers = new TransactionTemplate(transactions).execute(status -> List.of(
        reads.once("commitments:oax-1", queries::incrementAndGet),
        reads.once("commitments:oax-1", queries::incrementAndGet),
        reads.once("commitments:jal-1", queries::incrementAndGet),
        write(),
        reads.once("commitments:oax-1", queries::incrementAndGet)));

    assertThat(answers).containsExactly(1, 1, 2, 0, 3);
    assertThat(queries).hasValue(3);
  }

  @Test
  void anotherTransactionReadsForItself() {
    AtomicInteger queries = new AtomicInteger();
    TransactionTemplate requiresNew = new TransactionTemplate(transactions);
    requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

    new TransactionTemplate(transactions).executeWithoutResult(outer -> {
      reads.once("exercise:oax-1", queries::incrementAndGet);
      requiresNew.executeWithoutResult(inner -> {
        assertThat(reads.once("exercise:oax-1", queries::incrementAndGet)).as("its own read").isEqualTo(2);
        assertThat(reads.once("exercise:oax-1", queries::incrementAndGet)).as("kept in it").isEqualTo(2);
      });
      assertThat(reads.once("exercise:oax-1", queries::incrementAndGet))
          .as("the outer transaction reads again: the inner one may have written").isEqualTo(3);
    });
    new TransactionTemplate(transactions).executeWithoutResult(next ->
        assertThat(reads.once("exercise:oax-1", queries::incrementAndGet)).as("the next transaction reads").isEqualTo(4));
    assertThat(reads.once("exercise:oax-1", queries::incrementAndGet)).as("without a transaction: every time").isEqualTo(5);
    assertThat(reads.once("exercise:oax-1", queries::incrementAndGet)).isEqualTo(6);
  }

  private int write() {
    plan.changed();
    return 0;
  }
}
