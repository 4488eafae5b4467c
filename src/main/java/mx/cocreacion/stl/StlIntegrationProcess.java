package mx.cocreacion.stl;

import java.util.List;
import mx.cocreacion.plan.StlMember;

/** Ids and variables of {@code bpmn/stl-integration.bpmn} (seed step 3: Secretariado Técnico Local). */
public final class StlIntegrationProcess {

  public static final String KEY = "stl-integration";
  public static final String TASK_CONVENE_STL_MEETING = "convene-stl-meeting";
  public static final String TASK_ELECT_STL = "elect-stl";
  public static final String TASK_PROVISION_STL_ACCOUNTS = "provision-stl-accounts";
  public static final String TASK_DEFINE_STL_RULES = "define-stl-rules";
  public static final String TASK_SELECT_FACILITATOR = "select-facilitator";
  public static final String TASK_VOTE_FACILITATOR = "vote-facilitator";
  public static final String TASK_TALLY_FACILITATOR_VOTE = "tally-facilitator-vote";
  public static final String TASK_PROVISION_FACILITATOR_ACCOUNT = "provision-facilitator-account";
  public static final String TASK_DRAFT_ANNUAL_AGENDA = "draft-annual-agenda";

  public static final String VAR_MEETING_DATE = "meetingDate";
  public static final String VAR_MEETING_PLACE = "meetingPlace";
  /** What convene-stl-meeting and elect-stl show: the local actors step 2 registered (read-only). */
  public static final String VAR_REGISTERED_ACTORS = "registeredActors";
  /** Whom else the organismo garante convenes besides the registered actors (free text, optional). */
  public static final String VAR_MEETING_INVITEES = "meetingInvitees";
  /** Whether the local actors registered in step 2 are convened (default: yes). */
  public static final String VAR_INVITE_REGISTERED_ACTORS = "inviteRegisteredActors";
  /** The minutes of the meeting that elected the STL (elect-stl): a File, or an attachment of the task. */
  public static final String VAR_MEETING_MINUTES = "meetingMinutes";
  /** The minutes of the STL session that agreed its rules (define-stl-rules requires them). */
  public static final String VAR_RULES_MINUTES = "rulesMinutes";
  /** The minutes of the STL session that approved its annual agenda (draft-annual-agenda requires them). */
  public static final String VAR_AGENDA_MINUTES = "agendaMinutes";
  public static final String VAR_STL_MEMBERS = "stlMembers";
  public static final String VAR_DECISION_RULE = "decisionRule";
  public static final String VAR_RULES_TEXT = "rulesText";
  public static final String VAR_FACILITATOR_NAME = "facilitatorName";
  public static final String VAR_FACILITATOR_EMAIL = "facilitatorEmail";
  public static final String VAR_FACILITATOR_REASON = "facilitatorReason";
  /** Read-only input of select-facilitator: the earlier proposals the STL did not approve, with their votes. */
  public static final String VAR_FACILITATOR_HISTORY = "facilitatorHistory";
  /** Read-only input of vote-facilitator: the proposal the titular votes on. */
  public static final String VAR_FACILITATOR_PROPOSAL = "facilitatorProposal";
  public static final String VAR_FACILITATOR_APPROVED = "facilitatorApproved";
  public static final String VAR_FACILITATOR_COMMENTS = "facilitatorComments";
  public static final String VAR_FACILITATOR_USER = "facilitatorUserId";
  public static final String VAR_AGENDA = "agenda";

  /** record-stl-session (the STL's standing task in local-exercise): the day, kind and place of a session. */
  public static final String VAR_SESSION_DATE = "sessionDate";
  public static final String VAR_SESSION_KIND = "sessionKind";
  public static final String VAR_SESSION_PLACE = "sessionPlace";
  /** The agreements of the session, as its minutes have them (public). */
  public static final String VAR_AGREEMENTS = "agreements";
  /** The minutes of the session: a File, or an attachment of the task (required). */
  public static final String VAR_SESSION_MINUTES = "sessionMinutes";
  public static final String SESSION_ORDINARY = "ordinary";
  public static final String SESSION_EXTRAORDINARY = "extraordinary";
  public static final List<String> SESSION_KINDS = List.of(SESSION_ORDINARY, SESSION_EXTRAORDINARY);

  /**
   * Message of the re-election event subprocess of {@code local-exercise}: correlated with the
   * exercise's business key, it reopens elect-stl with the current STL to replace members.
   */
  public static final String MESSAGE_STL_REELECTION = "stl-reelection";
  public static final String REELECTION_SUBPROCESS = "SubProcess_StlReelection";

  public static final String ROLE_TITULAR = StlMember.TITULAR;
  public static final String ROLE_SUPLENTE = StlMember.SUPLENTE;
  public static final String RULE_CONSENSUS = StlMember.RULE_CONSENSUS;
  public static final String RULE_MAJORITY = StlMember.RULE_MAJORITY;

  public static final String RECORD_MEETING = "stl-meeting";
  /** One session of the STL recorded with record-stl-session: {@code {date, kind, place, agreements}}. */
  public static final String RECORD_SESSION = "stl-session";
  public static final String RECORD_RULES = "stl-rules";
  public static final String RECORD_FACILITATOR = "facilitator";
  public static final String RECORD_AGENDA = mx.cocreacion.exercise.ExerciseAgenda.RECORD_AGENDA;

  private StlIntegrationProcess() {}
}
