package mx.cocreacion.microsite;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import mx.cocreacion.evidence.EvidenceCatalogue;
import mx.cocreacion.evidence.EvidenceItem;
import java.util.stream.Collectors;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentCsv;
import mx.cocreacion.plan.CommitmentView;
import mx.cocreacion.plan.EvaluationRound;
import mx.cocreacion.tenancy.Entity;
import mx.cocreacion.tenancy.EntityCatalogue;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * The national files of the open data: the commitments of every entidad in one file (its current exercise, or the
 * exercise of a given year), and their progress reports in another. Every row says whose it is ({@code tenant},
 * {@code year}, {@code businessKey}) and carries the commitment's stable id ({@code oax-2026-c03}: the exercise's
 * business key and the commitment's number), so rows of both files, and of several years, can be joined.
 * INAI's monitoring and final evaluation are columns of the commitments file; the activities and every assessment of
 * INAI are files of their own ({@link FollowUpFiles}), with the same first columns.
 */
@Component
public class NationalFiles {

  /** The first columns of every file whose rows are about a commitment: whose it is and its stable id. */
  static final List<String> WHOSE = List.of("tenant", "entityName", "year", "businessKey", "commitmentId");

  /** The commitments file: one row per activity, as each entidad's file, with its exercise and INAI's results. */
  public static final List<String> COMMITMENT_COLUMNS = columns();

  /** The reports file: one row per progress report. */
  public static final List<String> REPORT_COLUMNS = whoseAnd(List.of("commitment", "report", "reportedAt", "progress",
      "narrative", "evidenceUrl", "evidenceName", "measuredValues", "evidenceFileUrl"));

  private static List<String> columns() {
    List<String> columns = new ArrayList<>(CommitmentCsv.COLUMNS);
    columns.addAll(List.of("currentValue", "currentValueOn", "monitoringVerifiable", "monitoringRelevant",
        "monitoringPotentialImpact", "evaluationCompletion", "evaluationOpenedGovernment"));
    return whoseAnd(columns);
  }

  /** The columns of a file about commitments: {@link #WHOSE}, then its own. */
  static List<String> whoseAnd(List<String> own) {
    List<String> columns = new ArrayList<>(WHOSE);
    columns.addAll(own);
    return List.copyOf(columns);
  }

  /** The evidence file: one row per document published as evidence. */
  public static final List<String> EVIDENCE_COLUMNS = List.of("tenant", "entityName", "year", "businessKey", "step",
      "document", "fileName", "contentType", "sizeBytes", "recordedAt", "url");

  /** One exercise's public evidence, with whose it is. */
  public record ExerciseEvidence(PublicExercise exercise, List<EvidenceItem> evidence) {}

  /**
   * One exercise's commitments, INAI's evaluation rounds of it and when INAI recorded its monitoring (null before it),
   * with whose they are.
   */
  public record ExerciseCommitments(PublicExercise exercise, List<CommitmentView> commitments,
      List<EvaluationRound> evaluations, Instant monitoredAt) {

    /** «oax-2026-c03»: the exercise's business key and the commitment's two-digit number. */
    public String commitmentId(CommitmentView c) {
      return exercise.businessKey() + "-c" + String.format("%02d", c.position());
    }

    /** The first cells of a row about {@code c} ({@link NationalFiles#WHOSE}): a new list the writer adds its cells to. */
    List<Object> whose(CommitmentView c) {
      return new ArrayList<>(List.of(exercise.tenant(), exercise.entityName(), exercise.year(), exercise.businessKey(),
          commitmentId(c)));
    }
  }

  private final PublicExercises exercises;
  private final PublicDataCache cache;
  private final EvidenceCatalogue evidence;

  NationalFiles(PublicExercises exercises, PublicDataCache cache, EvidenceCatalogue evidence) {
    this.exercises = exercises;
    this.cache = cache;
    this.evidence = evidence;
  }

  /** The public evidence of each entidad's exercise of {@code year}, or of its current one when null. */
  public List<ExerciseEvidence> evidence(Integer year) {
    return cache.get("national-evidence:" + year, () -> EntityCatalogue.all().stream().map(Entity::code)
        .map(tenant -> exercises.find(tenant, year)).flatMap(Optional::stream)
        .map(this::evidenceOf).toList());
  }

  /** The public evidence of one exercise, with whose it is: the rows of the evidence file for one entidad. */
  public ExerciseEvidence evidenceOf(PublicExercises.Found found) {
    return cache.get("exercise-evidence:" + found.exerciseId(),
        () -> new ExerciseEvidence(found.exercise(), evidence.list(found.exercise().tenant(), found.exerciseId())));
  }

  /**
   * The evidence file as CSV: one row per document, with the step it belongs to, what it is, and where it is downloaded
   * (the path on this site of a file, or the external link a person gave).
   */
  public static String evidenceCsv(List<ExerciseEvidence> all) {
    return write(EVIDENCE_COLUMNS, printer -> {
      for (ExerciseEvidence e : all) {
        PublicExercise x = e.exercise();
        for (EvidenceItem item : e.evidence()) {
          printer.printRecord(List.<Object>of(x.tenant(), x.entityName(), x.year(), x.businessKey(), item.step(),
              text(item.source()), text(item.name()), text(item.contentType()), item.size() < 0 ? "" : item.size(),
              item.recordedAt().toString(), text(item.url()))
              .stream().map(CommitmentCsv::cell).toList());
        }
      }
    });
  }

  /** Each entidad's exercise of {@code year}, or its current one when null; entidades without one are left out. */
  public List<ExerciseCommitments> commitments(Integer year) {
    return cache.get("national-commitments:" + year, () -> EntityCatalogue.all().stream().map(Entity::code)
        .map(tenant -> exercises.find(tenant, year)).flatMap(Optional::stream)
        .map(this::commitmentsOf).toList());
  }

  /** One exercise's commitments, with whose they are: the rows of the commitments and reports files for one entidad. */
  public ExerciseCommitments commitmentsOf(PublicExercises.Found found) {
    return new ExerciseCommitments(found.exercise(), exercises.commitments(found.exerciseId()),
        exercises.evaluations(found.exerciseId()), exercises.monitoredAt(found.exerciseId()));
  }

  /** The commitments file as CSV (UTF-8, RFC 4180, header row; formula-like cells neutralised). */
  public static String commitmentsCsv(List<ExerciseCommitments> all) {
    return write(COMMITMENT_COLUMNS, printer -> {
      for (ExerciseCommitments e : all) {
        for (CommitmentView c : e.commitments()) {
          List<Commitment.Activity> activities = c.activities().isEmpty() ? Collections.singletonList(null)
              : c.activities();
          for (Commitment.Activity a : activities) {
            List<Object> row = e.whose(c);
            row.addAll(CommitmentCsv.cells(c, a));
            CommitmentView.Measure measured = a == null ? null : c.latestValue(a.position());
            row.add(measured == null ? "" : measured.value());
            row.add(measured == null ? "" : measured.reportedOn().toString());
            CommitmentView.Monitoring m = c.monitoring();
            CommitmentView.Evaluation v = c.evaluation();
            row.addAll(List.of(m == null ? "" : m.verifiable(), m == null ? "" : m.relevant(),
                m == null ? "" : text(m.potentialImpact()), v == null ? "" : text(v.completion()),
                v == null ? "" : text(v.openedGovernment())));
            printer.printRecord(row.stream().map(CommitmentCsv::cell).toList());
          }
        }
      }
    });
  }

  /** The reports file as CSV: one row per progress report of every commitment. */
  public static String reportsCsv(List<ExerciseCommitments> all) {
    return write(REPORT_COLUMNS, printer -> {
      for (ExerciseCommitments e : all) {
        for (CommitmentView c : e.commitments()) {
          for (CommitmentView.Report r : c.reports()) {
            String measured = r.values().stream().map(m -> m.activity() + ": " + m.value())
                .collect(Collectors.joining("|"));
            List<Object> row = e.whose(c);
            row.addAll(List.of(c.position(), r.number(), r.reportedAt().toString(), r.progress(),
                text(r.narrative()), text(r.evidenceUrl()), text(r.evidenceName()), measured, text(r.evidenceFileUrl())));
            printer.printRecord(row.stream().map(CommitmentCsv::cell).toList());
          }
        }
      }
    });
  }

  /** Prints the rows of a file after its header. */
  interface Rows {
    void print(CSVPrinter printer) throws IOException;
  }

  /** A file as CSV text: UTF-8, RFC 4180, CRLF, the header row then {@code rows} (each cell through its writer). */
  static String write(List<String> header, Rows rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CommitmentCsv.WRITE)) {
      csv.printRecord(header);
      rows.print(csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A text cell: empty for null. */
  static String text(String value) {
    return value == null ? "" : value;
  }
}
