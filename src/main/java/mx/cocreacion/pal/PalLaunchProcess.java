package mx.cocreacion.pal;

/** Ids and variables of {@code bpmn/pal-launch.bpmn} (seed step 5: lanzamiento e implementación del PAL). */
public final class PalLaunchProcess {

  public static final String KEY = "pal-launch";
  public static final String TASK_SCHEDULE_PAL = "schedule-pal";
  public static final String TASK_RECORD_PAL_DATES = "record-pal-dates";
  public static final String TASK_GENERATE_PAL_DOCUMENT = "generate-pal-document";
  public static final String TASK_HOLD_PUBLIC_LAUNCH = "hold-public-launch";
  public static final String TASK_RECORD_LAUNCH = "record-launch";

  public static final String VAR_PAL_START = "palStart";
  public static final String VAR_PAL_END = "palEnd";
  /** What schedule-pal shows of the approved plan (read-only). */
  public static final String VAR_APPROVED_PLAN = "approvedPlan";
  /** The minutes of the STL session that set the PAL's validity (schedule-pal requires them). */
  public static final String VAR_PAL_MINUTES = "palMinutes";
  public static final String VAR_DURATION_JUSTIFICATION = "durationJustification";
  public static final String VAR_LAUNCH_DATE = "launchDate";
  public static final String VAR_LAUNCH_PLACE = "launchPlace";
  /** The record of the launch event (hold-public-launch): a File, a web link, or an attachment of the task. */
  public static final String VAR_LAUNCH_EVIDENCE = "launchEvidence";
  public static final String VAR_LAUNCH_EVIDENCE_URL = "launchEvidenceUrl";

  private PalLaunchProcess() {}
}
