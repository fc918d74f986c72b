package cn.kexie.capability.application;

import org.springframework.stereotype.Component;

/** The 申报书 on the dossier page, for every reader of the dossier. */
@Component
class ApplicationFormOnDossier implements DossierDocument {

    private final ApplicationDocuments documents;

    ApplicationFormOnDossier(ApplicationDocuments documents) {
        this.documents = documents;
    }

    @Override
    public boolean offeredFor(Application app) {
        return true;
    }

    @Override
    public String labelKey() {
        return "document.applicationForm";
    }

    @Override
    public String fileName(Application app) {
        return ApplicationDocuments.applicationFormFileName(app);
    }

    @Override
    public byte[] render(long applicationId) {
        return documents.applicationForm(applicationId);
    }

    @Override
    public int order() {
        return 0;
    }
}
