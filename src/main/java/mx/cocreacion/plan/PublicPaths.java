package mx.cocreacion.plan;

/** Where the microsite serves what the plan of record publishes (paths on the site, without its address). */
public final class PublicPaths {

  private PublicPaths() {}

  /** The folder of an entidad's evidence files: {@code /micrositio/{tenant}/evidencia/}. */
  public static String evidenceBase(String tenant) {
    return "/micrositio/" + tenant + "/evidencia/";
  }

  /** The download path of one evidence file. */
  public static String evidence(String tenant, String id) {
    return evidenceBase(tenant) + id;
  }
}
