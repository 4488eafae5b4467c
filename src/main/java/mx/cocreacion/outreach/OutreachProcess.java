package mx.cocreacion.outreach;

import mx.cocreacion.exercise.LocalActors;

/** Ids and variables of {@code bpmn/outreach.bpmn} (seed step 2: sensibilización y socialización). */
public final class OutreachProcess {

  public static final String KEY = "outreach";
  public static final String TASK_CONDUCT_OUTREACH = "conduct-outreach";

  public static final String VAR_OUTREACH_SESSIONS = "outreachSessions";
  public static final String VAR_ACTORS = "actors";

  public static final String RECORD_OUTREACH = LocalActors.RECORD_KIND;

  private OutreachProcess() {}
}
