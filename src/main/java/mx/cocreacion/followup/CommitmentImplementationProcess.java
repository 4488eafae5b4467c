package mx.cocreacion.followup;

import java.util.List;

/** Ids and variables of {@code bpmn/commitment-implementation.bpmn}: one instance per approved commitment. */
public final class CommitmentImplementationProcess {

  public static final String KEY = "commitment-implementation";
  public static final String TASK_REPORT_PROGRESS = "report-progress";
  public static final String TASK_UPDATE_PROGRESS = "update-progress";
  public static final String TASK_VOTE_AMENDMENT = "vote-amendment";
  public static final String TASK_TALLY_AMENDMENT = "tally-amendment";
  public static final String TASK_APPLY_AMENDMENT = "apply-amendment";
  public static final String EVENT_NEXT_REPORT_DUE = "Event_NextReportDue";
  public static final String END_COMMITMENT_FULFILLED = "EndEvent_CommitmentFulfilled";

  /** 1-based position of the commitment in the approved plan (the multi-instance element). */
  public static final String VAR_COMMITMENT_POSITION = "commitmentPosition";
  public static final String VAR_ACTIVITY_PROGRESS = "activityProgress";
  public static final String VAR_EVIDENCE = "evidence";
  public static final String VAR_EVIDENCE_URL = "evidenceUrl";
  /** The day of the report (optional over REST: the day of the completion). */
  public static final String VAR_REPORTED_ON = "reportedOn";
  /** What the STL tells of the period (optional). */
  public static final String VAR_NARRATIVE = "narrative";
  /** A change to the commitment proposed with the report (optional): add-activity, move-due-date, correct-indicator. */
  public static final String VAR_AMENDMENT_KIND = "amendmentKind";
  /** The activity a move-due-date or correct-indicator amendment changes (its number). */
  public static final String VAR_AMENDED_ACTIVITY = "amendedActivity";
  public static final String VAR_NEW_ACTIVITY_TITLE = "newActivityTitle";
  public static final String VAR_NEW_ACTIVITY_PRODUCT = "newActivityProduct";
  public static final String VAR_NEW_ACTIVITY_INDICATOR = "newActivityIndicator";
  public static final String VAR_NEW_ACTIVITY_BASELINE = "newActivityBaseline";
  public static final String VAR_NEW_ACTIVITY_TARGET = "newActivityTarget";
  public static final String VAR_NEW_ACTIVITY_DUE_DATE = "newActivityDueDate";
  public static final String VAR_NEW_DUE_DATE = "newDueDate";
  public static final String VAR_NEW_INDICATOR = "newIndicator";
  public static final String VAR_AMENDMENT_REASON = "amendmentReason";
  /** Read-only options of the report form: the commitment's activities to choose from. */
  public static final String VAR_AMENDMENT_ACTIVITIES = "amendmentActivities";
  /** A titular's vote on an amendment, and why (required against). */
  public static final String VAR_APPROVED = "approved";
  public static final String VAR_COMMENTS = "comments";
  /** Read-only summary of the amendment in vote. */
  public static final String VAR_AMENDMENT_SUMMARY = "amendmentSummary";
  public static final String VAR_ALL_ACTIVITIES_DONE = "allActivitiesDone";
  public static final String VAR_COMMITMENT_SUMMARY = "commitmentSummary";

  public static final String STATUS_NOT_STARTED = "not-started";
  public static final String STATUS_IN_PROGRESS = "in-progress";
  public static final String STATUS_DONE = "done";
  public static final List<String> STATUSES = List.of(STATUS_NOT_STARTED, STATUS_IN_PROGRESS, STATUS_DONE);

  private CommitmentImplementationProcess() {}
}
