package mx.cocreacion.declaration;

/** Ids and variables of {@code bpmn/declaration.bpmn} (seed step 1: Arranque del ejercicio). */
public final class DeclarationProcess {

  public static final String KEY = "declaration";
  public static final String TASK_SIGN_DECLARATION = "sign-declaration";
  public static final String TASK_RECORD_DECLARATION = "record-declaration";

  /** Local variable of each signature: the sector that signs (= its candidate group). */
  public static final String VAR_SECTOR = "sector";
  public static final String VAR_SIGNATORY_NAME = "signatoryName";
  /** Optional: the signatory's position and institution («Comisionada presidenta del IAIP Oaxaca»). */
  public static final String VAR_SIGNATORY_POSITION = "signatoryPosition";
  public static final String VAR_SIGNED = "signed";
  /** The day the signatory signed (optional over REST: the day of the completion). */
  public static final String VAR_SIGNED_ON = "signedOn";
  /** The first year a declaration may carry (the first local exercises). */
  public static final int FIRST_YEAR = 2015;
  public static final String VAR_DECLARATION_DOCUMENT = "declarationDocument";

  /** Kinds of minutes in {@code cc_record}. */
  public static final String RECORD_SIGNATURE = "declaration-signature";
  public static final String RECORD_DECLARATION = "declaration";

  private DeclarationProcess() {}
}
