package mx.cocreacion.followup;

/**
 * Ids of {@code bpmn/follow-up.bpmn} (seed step 6: seguimiento, monitoreo y evaluación). For now a
 * wait state until the PAL ends; implementation, monitoring and evaluation come with issue 3.
 */
public final class FollowUpProcess {

  public static final String KEY = "follow-up";
  public static final String EVENT_PAL_ENDED = "Event_PalEnded";

  private FollowUpProcess() {}
}
