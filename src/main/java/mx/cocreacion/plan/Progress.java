package mx.cocreacion.plan;

/**
 * How progress reads. The shares (0..1) come from {@link ImplementationRepository}: a commitment's is the
 * share of its activities done, the PAL's the mean over its approved commitments. People read whole
 * percentages, the same on the microsite, in the open data, in the forms' summaries and in the PDFs.
 */
public final class Progress {

  private Progress() {}

  /** 0.333 → 33, 0.5 → 50 (half up). */
  public static int percent(double share) {
    return (int) Math.round(share * 100);
  }

  /** 0.5 → "50 %" (with the space the Spanish style asks for). */
  public static String percentText(double share) {
    return text(percent(share));
  }

  /** 50 → "50 %". */
  public static String text(int percent) {
    return percent + " %";
  }
}
