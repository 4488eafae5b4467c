package mx.cocreacion.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The STL's two rules, counted over the sectors of the titulars who said yes. */
class DecisionRuleTest {

  @Test
  void aMajorityIsMoreThanHalfOfTheTitularsFromAtLeastTwoSectors() {
    assertThat(DecisionRule.carries("majority", List.of("guarantor", "society"), 3)).isTrue();
    assertThat(DecisionRule.carries("majority", List.of("society"), 3)).as("one of three").isFalse();
    assertThat(DecisionRule.carries("majority", List.of("society", "government"), 4)).as("half is not more than half")
        .isFalse();
    // Three society titulars of five: a majority of heads, but one sector alone.
    assertThat(DecisionRule.carries("majority", List.of("society", "society", "society"), 5)).isFalse();
    assertThat(DecisionRule.carries("majority", List.of("society", "society", "society", "government"), 5)).isTrue();
    assertThat(DecisionRule.carries("majority", List.of("society", "government", "guarantor"), 5)).isTrue();
  }

  @Test
  void consensusIsEveryTitular() {
    assertThat(DecisionRule.carries("consensus", List.of("guarantor", "society", "government"), 3)).isTrue();
    assertThat(DecisionRule.carries("consensus", List.of("guarantor", "society"), 3)).isFalse();
    assertThat(DecisionRule.carries("consensus", List.of(), 0)).as("no titulars, no decision").isFalse();
  }

  @Test
  void anUnknownRuleIsAnErrorAndEachRuleIsExplainedInSpanish() {
    assertThatThrownBy(() -> DecisionRule.carries("unanimity", List.of(), 3)).isInstanceOf(IllegalArgumentException.class);
    assertThat(DecisionRule.explained("majority")).contains("más de la mitad", "de al menos dos sectores");
    assertThat(DecisionRule.explained("consensus")).contains("todas las personas titulares");
  }
}
