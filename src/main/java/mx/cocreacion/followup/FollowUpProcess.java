package mx.cocreacion.followup;

import java.util.List;

/** Ids and variables of {@code bpmn/follow-up.bpmn} (seed step 6: seguimiento, monitoreo y evaluación). */
public final class FollowUpProcess {

  public static final String KEY = "follow-up";
  public static final String CALL_IMPLEMENT_COMMITMENTS = "implement-commitments";
  public static final String EVENT_SIX_MONTHS_AFTER_LAUNCH = "Event_SixMonthsAfterLaunch";
  public static final String EVENT_PAL_ENDED = "Event_PalEnded";
  public static final String TASK_MONITOR_COMMITMENTS = "monitor-commitments";
  public static final String TASK_RECORD_MONITORING = "record-monitoring";
  public static final String GATEWAY_YEAR_AHEAD = "Gateway_YearAhead";
  public static final String EVENT_YEAR_OF_IMPLEMENTATION_ENDED = "Event_YearOfImplementationEnded";
  public static final String GATEWAY_YEAR_END_FORK = "Gateway_YearEndFork";
  /** The STL's agenda for the year of implementation that begins (the task of step 3, its fields and rules). */
  public static final String TASK_DRAFT_ANNUAL_AGENDA = "draft-annual-agenda";
  public static final String END_NEXT_AGENDA_DRAFTED = "EndEvent_NextAgendaDrafted";
  public static final String TASK_SELF_ASSESS_PAL = "self-assess-pal";
  public static final String EVENT_SELF_ASSESSMENT_CLOSED = "Event_SelfAssessmentClosed";
  public static final String TASK_EVALUATE_YEAR = "evaluate-year";
  public static final String TASK_RECORD_YEAR_EVALUATION = "record-year-evaluation";
  public static final String TASK_EVALUATE_PERFORMANCE = "evaluate-performance";
  public static final String TASK_RECORD_EVALUATION = "record-evaluation";
  public static final String TASK_GENERATE_FINAL_REPORT = "generate-final-report";
  public static final String END_EXERCISE_EVALUATED = "EndEvent_ExerciseEvaluated";

  public static final String VAR_MONITORING = "monitoring";
  public static final String VAR_EVALUATION = "evaluation";
  public static final String VAR_FOLLOW_UP_SUMMARY = "followUpSummary";
  /** The STL's self-assessment: what was achieved in the period, difficulties (both required), lessons (optional). */
  public static final String VAR_ACHIEVEMENTS = "achievements";
  public static final String VAR_DIFFICULTIES = "difficulties";
  public static final String VAR_LESSONS = "lessons";
  /** INAI's yearly evaluation: one entry per commitment, completion so far and notes. */
  public static final String VAR_YEAR_EVALUATION = "yearEvaluation";
  /** Read-only summary of the round (which year, its period, the STL's self-assessment) for the forms. */
  public static final String VAR_EVALUATION_ROUND = "evaluationRound";
  public static final String VAR_STARRED = "starredCommitments";

  public static final List<String> POTENTIAL_IMPACT = List.of("none", "minor", "moderate", "transformative");
  public static final List<String> COMPLETION = List.of("no-evidence", "not-started", "limited", "substantial", "complete");
  public static final List<String> OPENED_GOVERNMENT =
      List.of("worsened", "did-not-change", "marginal", "major", "outstanding");

  public static final String RECORD_FINAL_REPORT = "final-report";

  private FollowUpProcess() {}
}
