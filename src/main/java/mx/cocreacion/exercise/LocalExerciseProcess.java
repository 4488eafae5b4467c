package mx.cocreacion.exercise;

/** Ids of {@code bpmn/local-exercise.bpmn}: the main process calling one process per seed step. */
public final class LocalExerciseProcess {

  public static final String KEY = "local-exercise";
  public static final String START_FORM = "start-local-exercise";
  public static final String START_EVENT = "StartEvent_ExerciseRequested";
  public static final String END_EVENT = "EndEvent_ExerciseFinished";

  public static final String STEP_1 = "step-1";
  public static final String STEP_2 = "step-2";
  public static final String STEP_3 = "step-3";
  public static final String STEP_4 = "step-4";
  public static final String STEP_5 = "step-5";
  public static final String STEP_6 = "step-6";
  /**
   * The STL's standing task, open from its installation (step 3) until the exercise ends: each completion records one
   * session with its minutes and opens the next one.
   */
  public static final String TASK_RECORD_STL_SESSION = "record-stl-session";
  public static final String GATEWAY_STL_INSTALLED = "Gateway_StlInstalled";

  /** The step number (1–6) of a call activity id such as {@code step-3}. */
  public static int stepNumber(String activityId) {
    if (activityId == null || !activityId.matches("step-[1-6]")) {
      throw new IllegalArgumentException("Not a step of local-exercise: " + activityId);
    }
    return activityId.charAt(5) - '0';
  }

  private LocalExerciseProcess() {}
}
