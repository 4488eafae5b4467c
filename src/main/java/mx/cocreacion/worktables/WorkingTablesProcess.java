package mx.cocreacion.worktables;

import java.util.List;

/** Ids and variables of {@code bpmn/working-tables.bpmn} (seed step 4: mesas participativas). */
public final class WorkingTablesProcess {

  public static final String KEY = "working-tables";
  public static final String TASK_PLAN_WORKING_TABLES = "plan-working-tables";
  public static final String TASK_HOLD_WORKING_TABLE = "hold-working-table";
  public static final String TASK_CONSOLIDATE_COMMITMENTS = "consolidate-commitments";
  public static final String TASK_APPROVE_COMMITMENTS = "approve-commitments";
  public static final String TASK_TALLY_APPROVAL = "tally-approval";
  public static final String TASK_RECORD_PLAN = "record-plan";
  public static final String GATEWAY_COMMITMENTS_APPROVED = "Gateway_CommitmentsApproved";

  public static final String VAR_WORKING_TABLES = "workingTables";
  /** Local variable of each hold-working-table instance: its planned table {topic, date}. */
  public static final String VAR_WORKING_TABLE = "workingTable";
  /** The topic of the table a hold-working-table task is for (local, from its element of the plan). */
  public static final String VAR_WORKING_TABLE_TOPIC = "workingTableTopic";
  public static final String VAR_PARTICIPANTS = "participants";
  public static final String VAR_PROBLEMS = "problems";
  public static final String VAR_COMMITMENTS = "commitments";
  /** Local variable of each approve-commitments instance: the titular's user id (= assignee). */
  public static final String VAR_TITULAR = "titular";
  public static final String VAR_APPROVED = "approved";
  public static final String VAR_COMMENTS = "comments";
  /**
   * The titular's vote per commitment of the vote: {@code [{position, approved, comments}]} (prefilled, a shown
   * field, with one row per commitment in the vote; other keys of a row, e.g. its {@code title}, are
   * read-only and never read).
   */
  public static final String VAR_VOTES = "votes";
  /** What approve-commitments shows of each commitment (read-only). */
  public static final String VAR_COMMITMENTS_SUMMARY = "commitmentsSummary";
  /** What consolidate-commitments shows of the tables held (read-only). */
  public static final String VAR_TABLES_SUMMARY = "tablesSummary";
  /** Read-only Json of consolidate-commitments: which commitments the STL returned, by whom and why. */
  public static final String VAR_APPROVAL_OUTCOME = "approvalOutcome";
  public static final String VAR_APPROVAL_ROUND = "approvalRound";
  public static final String VAR_COMMITMENTS_APPROVED = "commitmentsApproved";
  public static final String VAR_APPROVAL_COMMENTS = "approvalComments";

  /** The eight quality criteria of the seed (step 4), keys of {@code criteria}. */
  public static final List<String> CRITERIA = mx.cocreacion.plan.Commitment.CRITERIA;

  public static final String RECORD_TABLES_PLAN = mx.cocreacion.exercise.ExerciseAgenda.RECORD_TABLES_PLAN;
  public static final String RECORD_WORKING_TABLE = "working-table";

  private WorkingTablesProcess() {}
}
