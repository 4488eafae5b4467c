package mx.cocreacion.microsite;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import mx.cocreacion.plan.CommitmentCsv;
import org.apache.commons.csv.CSVPrinter;

/** The open-data CSV of the exercises: one row per exercise, the fields of {@link PublicExercise}. */
public final class ExerciseCsv {

  /** The columns of the exercises CSV (the fields of {@link PublicExercise}). */
  public static final List<String> COLUMNS = List.of("tenant", "entityName", "year", "businessKey", "name",
      "guarantorBody", "currentStep", "finished", "startedAt", "endedAt", "palStart", "palEnd", "launchDate",
      "launchPlace", "commitments", "palProgress", "starredCommitments", "overdueTasks");

  private ExerciseCsv() {}

  /** The exercises as CSV text (header row, one row per exercise; dates ISO 8601). */
  public static String write(List<PublicExercise> exercises) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CommitmentCsv.WRITE)) {
      csv.printRecord(COLUMNS);
      for (PublicExercise e : exercises) {
        csv.printRecord(Stream.of(e.tenant(), e.entityName(), e.year(), e.businessKey(), e.name(), e.guarantorBody(),
            e.currentStep(), e.finished(), iso(e.startedAt()), iso(e.endedAt()), iso(e.palStart()), iso(e.palEnd()),
            iso(e.launchDate()), e.launchPlace(), e.commitments(), e.palProgress(), e.starredCommitments(),
            e.overdueTasks()).map(CommitmentCsv::cell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String iso(Object value) {
    return value == null ? "" : value instanceof Instant i ? i.toString() : value.toString();
  }
}
