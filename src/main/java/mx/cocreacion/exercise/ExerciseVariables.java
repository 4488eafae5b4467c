package mx.cocreacion.exercise;

/** Variables that flow through {@code local-exercise} and its called step processes. */
public final class ExerciseVariables {

  /** Tenant id of the entidad (start variable). */
  public static final String ENTITY = "entity";
  public static final String EXERCISE_NAME = "exerciseName";
  public static final String GUARANTOR_BODY = "guarantorBody";
  /** Year of the exercise (optional start variable; the business key says it otherwise, or the current year). */
  public static final String YEAR = "year";
  public static final String DECISION_RULE = "decisionRule";
  public static final String COMMITMENTS = "commitments";
  public static final String PAL_START = "palStart";
  public static final String PAL_END = "palEnd";
  public static final String LAUNCH_DATE = "launchDate";
  public static final String LAUNCH_PLACE = "launchPlace";

  private ExerciseVariables() {}
}
