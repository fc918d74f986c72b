package cn.kexie.capability.application;

/**
 * A PDF document another feature offers on the dossier page (the 项目责任书, the panel's score
 * summary sheet), so that the dossier needs to know nothing of those features.
 */
public interface DossierDocument {

    /** Whether the current user is offered the document for this application now. */
    boolean offeredFor(Application app);

    /** The message key of the link's text. */
    String labelKey();

    String fileName(Application app);

    /** The document, made by the feature's service, which checks the caller's access again. */
    byte[] render(long applicationId);

    /** Where the link stands among the others: the 申报书 first, then in the order of the steps. */
    int order();
}
