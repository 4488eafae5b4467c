package mx.cocreacion.worktables;

import static mx.cocreacion.validation.TaskInput.path;
import static mx.cocreacion.worktables.WorkingTablesProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mx.cocreacion.plan.CommitmentVoteRepository.Vote;
import mx.cocreacion.validation.TaskInput;

/**
 * What one STL titular submitted on approve-commitments, read as one vote per commitment of the vote
 * (the commitments the STL has not carried yet):
 * <ul>
 *   <li>with {@code votes} (the form, or a client of the per-commitment contract): exactly one row per
 *       commitment of the vote, {@code {position, approved, comments}}; a returned one needs its comment;
 *       {@code approved}, if sent, must agree (true = every one approved, false = at least one returned);
 *       {@code comments} is a general comment;</li>
 *   <li>without {@code votes} (a client of the first contract): {@code approved} true approves every
 *       commitment of the vote; false returns every one with {@code comments} (then required).</li>
 * </ul>
 */
record Ballot(List<Vote> votes, String comments) {

  /** Every commitment of the vote approved. */
  boolean approvesAll() {
    return votes.stream().allMatch(Vote::approved);
  }

  /**
   * Reads and checks the ballot, reporting into {@code input}; null when it breaks a rule.
   *
   * @param votesSent whether the completion carries {@code votes} (the task's own prefilled rows are not a vote)
   * @param inVote    the positions of the commitments in this vote, in order
   * @param carried   the commitments the STL already approved: position → round
   */
  static Ballot read(TaskInput input, boolean votesSent, List<Integer> inVote, Map<Integer, Integer> carried,
      int commitments) {
    String comments = input.optionalText(VAR_COMMENTS, TaskInput.TEXT);
    Object approvedSent = input.raw(VAR_APPROVED);
    if (!votesSent) {
      Boolean approved = input.bool(VAR_APPROVED);
      if (Boolean.FALSE.equals(approved) && comments == null && input.isValid()) {
        input.reject(VAR_COMMENTS, "es obligatorio cuando no se aprueban los compromisos: explique qué debe cambiar");
      }
      if (!input.isValid()) {
        return null;
      }
      return new Ballot(inVote.stream().map(p -> new Vote(p, approved, approved ? null : comments)).toList(), comments);
    }
    Boolean approved = approvedSent == null ? null : input.bool(VAR_APPROVED);
    JsonNode rows = input.list(VAR_VOTES, 1, Math.max(inVote.size(), 1) + 10, "voto por compromiso");
    if (rows == null) {
      return null;
    }
    Map<Integer, Vote> byPosition = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String at = path(VAR_VOTES, i);
      if (!row.isObject()) {
        input.reject(at, "debe ser un voto por compromiso (objeto con position, approved y comments)");
        continue;
      }
      Integer position = position(input, row, at, inVote, carried, commitments);
      Boolean yes = yes(input, row, at);
      String comment = input.optionalText(row, VAR_COMMENTS, at, TaskInput.TEXT);
      if (Boolean.FALSE.equals(yes) && comment == null) {
        input.reject(at + "." + VAR_COMMENTS, "es obligatorio cuando se devuelve el compromiso: explique qué debe cambiar");
      }
      if (position == null) {
        continue;
      }
      if (byPosition.containsKey(position)) {
        input.reject(at + ".position", "el compromiso " + position + " aparece más de una vez; vote una sola vez por compromiso");
      } else if (yes != null) {
        byPosition.put(position, new Vote(position, yes, comment));
      }
    }
    List<Integer> missing = new ArrayList<>(inVote);
    missing.removeAll(byPosition.keySet());
    if (!missing.isEmpty() && input.isValid()) {
      input.reject(VAR_VOTES, "falta el voto de " + (missing.size() == 1 ? "el compromiso " : "los compromisos ")
          + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
          + ": vote cada compromiso de esta votación (apruebo o devuelvo)");
    }
    if (!input.isValid()) {
      return null;
    }
    List<Vote> votes = inVote.stream().map(byPosition::get).toList();
    Ballot ballot = new Ballot(votes, comments);
    if (approved != null && approved != ballot.approvesAll()) {
      input.reject(VAR_APPROVED, approved
          ? "dice que aprueba todos los compromisos, pero sus votos devuelven " + positions(votes, false)
              + "; envíe approved que concuerde con los votos, o no lo envíe"
          : "dice que no aprueba todos los compromisos, pero sus votos los aprueban todos; envíe approved que "
              + "concuerde con los votos, o no lo envíe");
      return null;
    }
    return ballot;
  }

  private static Integer position(TaskInput input, JsonNode row, String at, List<Integer> inVote,
      Map<Integer, Integer> carried, int commitments) {
    String text = input.text(row, "position", at, 10);
    if (text == null) {
      return null;
    }
    if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > commitments) {
      input.reject(at + ".position", "«" + text + "» no es un compromiso consolidado (1 a " + commitments + ")");
      return null;
    }
    int position = Integer.parseInt(text);
    if (carried.containsKey(position)) {
      input.reject(at + ".position", "el compromiso " + position + " no está en esta votación: el STL ya lo aprobó en la "
          + "ronda " + carried.get(position) + "; vote solo " + (inVote.size() == 1 ? "el compromiso " : "los compromisos ")
          + inVote.stream().map(String::valueOf).collect(Collectors.joining(", ")));
      return null;
    }
    return position;
  }

  private static Boolean yes(TaskInput input, JsonNode row, String at) {
    JsonNode value = row.get(VAR_APPROVED);
    if (value != null && value.isBoolean()) {
      return value.asBoolean();
    }
    if (value != null && value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
      return Boolean.valueOf(value.asText());
    }
    input.reject(at + "." + VAR_APPROVED, value == null || value.isNull()
        ? "es obligatorio: apruebe (true) o devuelva (false) el compromiso" : "debe ser verdadero o falso");
    return null;
  }

  private static String positions(List<Vote> votes, boolean approved) {
    List<String> which = votes.stream().filter(v -> v.approved() == approved).map(v -> String.valueOf(v.position())).toList();
    return (which.size() == 1 ? "el compromiso " : "los compromisos ") + String.join(", ", which);
  }

  /** The ballot as the task keeps it ({@code votes}): one row per commitment of the vote. */
  ArrayNode toJson(Map<Integer, String> titles) {
    ArrayNode rows = TaskInput.mapper().createArrayNode();
    for (Vote v : votes) {
      ObjectNode row = rows.addObject();
      row.put("position", v.position());
      row.put("title", titles.get(v.position()));
      row.put(VAR_APPROVED, v.approved());
      row.put(VAR_COMMENTS, v.comments());
    }
    return rows;
  }
}
