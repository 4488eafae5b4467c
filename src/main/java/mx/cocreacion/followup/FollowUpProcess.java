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
  public static final String TASK_EVALUATE_PERFORMANCE = "evaluate-performance";
  public static final String TASK_RECORD_EVALUATION = "record-evaluation";
  public static final String TASK_GENERATE_FINAL_REPORT = "generate-final-report";
  public static final String END_EXERCISE_EVALUATED = "EndEvent_ExerciseEvaluated";

  public static final String VAR_MONITORING = "monitoring";
  public static final String VAR_EVALUATION = "evaluation";
  public static final String VAR_FOLLOW_UP_SUMMARY = "followUpSummary";
  public static final String VAR_STARRED = "starredCommitments";

  public static final List<String> POTENTIAL_IMPACT = List.of("none", "minor", "moderate", "transformative");
  public static final List<String> COMPLETION = List.of("no-evidence", "not-started", "limited", "substantial", "complete");
  public static final List<String> OPENED_GOVERNMENT =
      List.of("worsened", "did-not-change", "marginal", "major", "outstanding");

  public static final String RECORD_FINAL_REPORT = "final-report";

  private FollowUpProcess() {}
}
