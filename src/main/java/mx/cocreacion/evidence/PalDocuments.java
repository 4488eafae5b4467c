package mx.cocreacion.evidence;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.Sector;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentView;
import mx.cocreacion.plan.CommitmentViews;
import mx.cocreacion.plan.EvaluationRound;
import mx.cocreacion.plan.EvaluationRoundRepository;
import mx.cocreacion.plan.ImplementationRepository;
import mx.cocreacion.plan.IrmScales;
import mx.cocreacion.plan.PlanLabels;
import mx.cocreacion.plan.Progress;
import mx.cocreacion.plan.StlMember;
import mx.cocreacion.plan.StlMemberRepository;
import mx.cocreacion.tenancy.EntityCatalogue;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.MexicanDates;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * The generated documents of an exercise, in Spanish, from the plan of record: the Plan de
 * Acción Local (step 5), the monitoring report, each yearly evaluation's report and the final report (step 6),
 * as PDF (OpenPDF).
 */
@Service
public class PalDocuments {

  private static final Color ACCENT = new Color(0x23, 0x5B, 0x4E);
  private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD, ACCENT);
  private static final Font SUBTITLE = new Font(Font.HELVETICA, 12, Font.NORMAL, Color.DARK_GRAY);
  private static final Font HEADING = new Font(Font.HELVETICA, 13, Font.BOLD, ACCENT);
  private static final Font BOLD = new Font(Font.HELVETICA, 10, Font.BOLD);
  private static final Font TEXT = new Font(Font.HELVETICA, 10, Font.NORMAL);
  private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, Color.DARK_GRAY);
  private static final Font CELL_HEAD = new Font(Font.HELVETICA, 8, Font.BOLD, Color.WHITE);
  private static final Font CELL = new Font(Font.HELVETICA, 8, Font.NORMAL);
  /**
   * What a document writes for a value nobody gave, and between two parts of a line. The documents' own texts keep
   * to Latin-1: OpenPDF 2 writes Helvetica's characters up to U+00FF and falls back to an embedded LiberationSans for
   * any other, so one em dash in every document («—» for an empty value, « — » in the subtitle) embedded a font
   * subset of about 10 KB in each 14 KB document, and its subsetting was a sixth of the documents' CPU
   * (docs/benchmark.md, session 25). A person's text beyond Latin-1 (a saltillo, an arrow) still gets that font.
   */
  static final String NO_VALUE = "-";
  static final String SEPARATOR = " · ";

  private final ExerciseRepository exercises;
  private final CommitmentViews views;
  private final ImplementationRepository implementation;
  private final StlMemberRepository members;
  private final EvaluationRoundRepository rounds;

  public PalDocuments(ExerciseRepository exercises, CommitmentViews views, ImplementationRepository implementation,
      StlMemberRepository members, EvaluationRoundRepository rounds) {
    this.rounds = rounds;
    this.exercises = exercises;
    this.views = views;
    this.implementation = implementation;
    this.members = members;
  }

  /** File name of a generated document, e.g. {@code plan-de-accion-local-oax-2026.pdf}. */
  public String fileName(String prefix, String exerciseId) {
    return prefix + "-" + exercises.findById(exerciseId).orElseThrow().businessKey() + ".pdf";
  }

  /** The Plan de Acción Local: validity and the approved commitments with their activities. */
  public byte[] palDocument(String exerciseId) {
    Exercise exercise = exercises.findById(exerciseId).orElseThrow();
    return pdf("Plan de Acción Local", exercise, document -> {
      validity(document, exercise);
      stl(document, exercise, members.active(exerciseId));
      List<CommitmentView> plan = views.of(exerciseId);
      document.add(heading("Compromisos (" + plan.size() + ")"));
      for (CommitmentView c : plan) {
        commitment(document, c);
        document.add(line("Criterios de calidad: ", PlanLabels.criteriaList(c.criteria())));
        activities(document, c, false);
      }
    });
  }

  /** Who co-created the plan: the STL by sector and seat, its decision rule and facilitator. */
  private static void stl(Document document, Exercise exercise, List<StlMember> stl) throws DocumentException {
    document.add(heading("Secretariado Técnico Local"));
    for (StlMember m : stl) {
      document.add(line(Sector.of(m.sector()).map(Sector::label).orElse(m.sector()) + ", "
          + (StlMember.TITULAR.equals(m.role()) ? "titular" : "suplente") + ": ", m.name()));
    }
    if (exercise.decisionRule() != null) {
      document.add(line("Regla de decisión: ", "consensus".equals(exercise.decisionRule()) ? "consenso" : "mayoría"));
    }
    if (exercise.facilitatorName() != null) {
      document.add(line("Persona facilitadora: ", exercise.facilitatorName()));
    }
  }

  /** The final report: the plan with its progress, monitoring, evaluation and starred commitments. */
  public byte[] finalReport(String exerciseId) {
    Exercise exercise = exercises.findById(exerciseId).orElseThrow();
    return pdf("Informe final", exercise, document -> {
      validity(document, exercise);
      List<CommitmentView> plan = views.of(exerciseId);
      document.add(line("Avance del PAL: ", Progress.percentText(implementation.palProgress(exerciseId))));
      List<String> starred = plan.stream().filter(CommitmentView::starred).map(CommitmentView::numberedTitle).toList();
      document.add(line("Compromisos estelares: ", starred.isEmpty() ? "ninguno" : String.join("; ", starred)));
      document.add(new Paragraph("Un compromiso es estelar cuando el monitoreo lo encontró verificable, relevante y "
          + "transformador, y la evaluación encontró un cumplimiento sustancial o completo.", SMALL));
      List<EvaluationRound> evaluations = rounds.rounds(exerciseId);
      for (EvaluationRound r : evaluations) {
        if (r.finalRound()) {
          selfAssessment(document, r);
        }
      }
      document.add(heading("Compromisos (" + plan.size() + ")"));
      for (CommitmentView c : plan) {
        commitment(document, c);
        document.add(line("Avance: ", Progress.text(c.progress()) + (c.starred() ? SEPARATOR + "compromiso estelar" : "")));
        for (EvaluationRound r : evaluations) {
          for (EvaluationRound.YearAssessment a : r.assessments()) {
            if (a.commitment() == c.position()) {
              document.add(line("Evaluación del año " + r.year() + ": ", a.completionText() + notes(a.notes())));
            }
          }
        }
        activities(document, c, true);
        document.add(line("Informes de avance: ", c.reports().isEmpty() ? "ninguno" : c.reports().stream()
            .map(r -> "n.º " + r.number() + " (" + day(r.reportedAt()) + ", " + Progress.text(r.progress()) + ")")
            .collect(Collectors.joining("; "))));
        document.add(line("Monitoreo (6 meses): ", monitoring(c.monitoring())));
        document.add(line("Evaluación: ", evaluation(c.evaluation())));
      }
    });
  }

  /**
   * The report of year {@code year} of implementation: the STL's self-assessment and INAI's assessment of each
   * commitment (completion so far, notes) with its progress and reports.
   */
  public byte[] yearReport(String exerciseId, int year) {
    Exercise exercise = exercises.findById(exerciseId).orElseThrow();
    EvaluationRound round = rounds.rounds(exerciseId).stream().filter(r -> !r.finalRound() && r.round() == year)
        .findFirst().orElseThrow(() -> new IllegalStateException("Sin evaluación del año " + year + " en " + exerciseId));
    return pdf("Informe de evaluación del año " + year + " de implementación", exercise, document -> {
      validity(document, exercise);
      document.add(line("Año de implementación: ", year + ", hasta el " + day(round.periodEnd())));
      document.add(line("Avance del PAL: ", Progress.percentText(implementation.palProgress(exerciseId))));
      document.add(new Paragraph("Evaluación al concluir un año de implementación del PAL, contado desde su lanzamiento: "
          + "el Secretariado Técnico Local se autoevaluó y la Secretaría Técnica del INAI valoró el nivel de "
          + "cumplimiento de cada compromiso con la evidencia documental.", SMALL));
      selfAssessment(document, round);
      List<CommitmentView> plan = views.of(exerciseId);
      document.add(heading("Compromisos (" + plan.size() + ")"));
      for (CommitmentView c : plan) {
        commitment(document, c);
        document.add(line("Avance: ", Progress.text(c.progress())));
        activities(document, c, true);
        document.add(line("Monitoreo (6 meses): ", monitoring(c.monitoring())));
        round.assessments().stream().filter(a -> a.commitment() == c.position()).findFirst().ifPresent(a -> {
          document.add(line("Evaluación del año " + year + ": ", a.completionText() + notes(a.notes())));
        });
      }
    });
  }

  private static void selfAssessment(Document document, EvaluationRound round) throws DocumentException {
    document.add(heading("Autoevaluación del Secretariado Técnico Local"));
    EvaluationRound.SelfAssessment self = round.selfAssessment();
    if (self == null) {
      document.add(new Paragraph("El STL no completó la autoevaluación en su plazo.", TEXT));
      return;
    }
    document.add(line("Completada el ", day(self.completedOn())));
    document.add(line("Logros: ", self.achievements()));
    document.add(line("Dificultades: ", self.difficulties()));
    if (self.lessons() != null) {
      document.add(line("Lecciones aprendidas: ", self.lessons()));
    }
  }

  /** INAI's six-month monitoring: each commitment's progress, its reports and what the monitoring found. */
  public byte[] monitoringReport(String exerciseId) {
    Exercise exercise = exercises.findById(exerciseId).orElseThrow();
    return pdf("Informe de monitoreo", exercise, document -> {
      validity(document, exercise);
      document.add(line("Avance del PAL: ", Progress.percentText(implementation.palProgress(exerciseId))));
      document.add(new Paragraph("Monitoreo a los seis meses del lanzamiento: la Secretaría Técnica del INAI valoró "
          + "si cada compromiso es verificable y relevante y su impacto potencial, con el avance y la evidencia "
          + "reportados.", SMALL));
      List<CommitmentView> plan = views.of(exerciseId);
      document.add(heading("Compromisos (" + plan.size() + ")"));
      for (CommitmentView c : plan) {
        commitment(document, c);
        document.add(line("Avance: ", Progress.text(c.progress())));
        activities(document, c, true);
        document.add(line("Informes de avance: ", c.reports().isEmpty() ? "ninguno" : c.reports().stream()
            .map(r -> "n.º " + r.number() + " (" + day(r.reportedAt()) + ", " + Progress.text(r.progress()) + ")")
            .collect(Collectors.joining("; "))));
        document.add(line("Monitoreo (6 meses): ", monitoring(c.monitoring())));
      }
    });
  }

  private interface Body {
    void write(Document document) throws DocumentException;
  }

  private static byte[] pdf(String title, Exercise exercise, Body body) {
    var out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.LETTER, 54, 54, 54, 54);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle(title + " — " + EntityCatalogue.nameOf(exercise.tenantId()));
      document.addSubject("Cocreación desde lo local — " + exercise.name());
      document.addCreator("Cocreación desde lo local");
      document.open();
      Paragraph head = new Paragraph(title, TITLE);
      head.setSpacingAfter(4);
      document.add(head);
      document.add(new Paragraph(EntityCatalogue.nameOf(exercise.tenantId()) + SEPARATOR + exercise.name(), SUBTITLE));
      document.add(new Paragraph("Cocreación desde lo local · Organismo garante: "
          + nullToDash(exercise.guarantorBody()) + " · Generado el " + day(ClockUtil.getCurrentTime().toInstant()), SMALL));
      body.write(document);
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("No se pudo generar el documento «" + title + "»", e);
    }
    return out.toByteArray();
  }

  private static void validity(Document document, Exercise exercise) throws DocumentException {
    document.add(heading("Vigencia del PAL"));
    document.add(line("Del ", day(exercise.palStart()) + " al " + day(exercise.palEnd())));
    if (exercise.durationJustification() != null) {
      document.add(line("Justificación de la duración: ", exercise.durationJustification()));
    }
    if (exercise.launchDate() != null) {
      document.add(line("Lanzamiento público: ", day(exercise.launchDate())
          + (exercise.launchPlace() != null ? ", " + exercise.launchPlace() : "")));
    }
  }

  private static void commitment(Document document, CommitmentView c) throws DocumentException {
    Paragraph title = new Paragraph("Compromiso " + c.position() + ". " + c.title(), BOLD);
    title.setSpacingBefore(10);
    title.setSpacingAfter(2);
    document.add(title);
    document.add(line("Problema público: ", c.problem()));
    if (c.description() != null) {
      document.add(line("Descripción: ", c.description()));
    }
    document.add(line("Responsable: ", c.responsible()));
    document.add(line("Objetivos de Desarrollo Sostenible: ", c.sdgs().isEmpty() ? NO_VALUE
        : c.sdgs().stream().map(n -> "ODS " + n).collect(Collectors.joining(", "))));
  }

  private static void activities(Document document, CommitmentView c, boolean withStatus) throws DocumentException {
    List<String> heads = withStatus
        ? List.of("#", "Actividad", "Producto", "Indicador", "Línea base", "Meta", "Fecha límite", "Estado")
        : List.of("#", "Actividad", "Producto", "Indicador", "Línea base", "Meta", "Fecha límite");
    float[] widths = withStatus ? new float[] {3, 14, 14, 14, 8, 8, 11, 9} : new float[] {3, 16, 16, 16, 9, 9, 12};
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    table.setSpacingAfter(4);
    table.setHeaderRows(1);
    for (String head : heads) {
      PdfPCell cell = new PdfPCell(new Phrase(head, CELL_HEAD));
      cell.setBackgroundColor(ACCENT);
      cell.setPadding(3);
      table.addCell(cell);
    }
    for (Commitment.Activity a : c.activities()) {
      cell(table, String.valueOf(a.position()));
      cell(table, a.title());
      cell(table, a.product());
      cell(table, a.indicator());
      cell(table, a.baseline());
      cell(table, a.target());
      cell(table, a.dueDate() == null ? null : day(a.dueDate()));
      if (withStatus) {
        cell(table, status(a.status()));
      }
    }
    document.add(table);
  }

  private static void cell(PdfPTable table, String text) {
    PdfPCell cell = new PdfPCell(new Phrase(nullToDash(text), CELL));
    cell.setPadding(3);
    cell.setVerticalAlignment(Element.ALIGN_TOP);
    table.addCell(cell);
  }

  private static Paragraph heading(String text) {
    Paragraph p = new Paragraph(text, HEADING);
    p.setSpacingBefore(12);
    p.setSpacingAfter(4);
    return p;
  }

  private static Paragraph line(String label, String value) {
    Paragraph p = new Paragraph();
    p.add(new Chunk(label, BOLD));
    p.add(new Chunk(nullToDash(value), TEXT));
    return p;
  }

  static String monitoring(CommitmentView.Monitoring m) {
    if (m == null) {
      return "sin monitoreo registrado";
    }
    return IrmScales.lower(m.summary()) + notes(m.notes());
  }

  static String evaluation(CommitmentView.Evaluation e) {
    if (e == null) {
      return "sin evaluación registrada";
    }
    return "cumplimiento " + IrmScales.lower(IrmScales.completion(e.completion())) + "; ¿abrió el gobierno?: "
        + IrmScales.lower(IrmScales.openedGovernment(e.openedGovernment())) + notes(e.notes());
  }

  private static String status(String status) {
    return IrmScales.status(status);
  }

  private static String notes(String notes) {
    return notes == null || notes.isBlank() ? "" : ". Notas: " + notes;
  }

  private static String day(Instant instant) {
    return instant == null ? NO_VALUE : day(Dates.localDate(instant));
  }

  private static String day(LocalDate date) {
    return MexicanDates.longDate(date);
  }

  private static String nullToDash(String text) {
    return text == null || text.isBlank() ? NO_VALUE : text;
  }
}
