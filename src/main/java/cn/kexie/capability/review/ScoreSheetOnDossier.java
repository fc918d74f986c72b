package cn.kexie.capability.review;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.DossierDocument;
import org.springframework.stereotype.Component;

/** The panel's score summary sheet on the dossier page: for the roles that see the sheets, once there are any. */
@Component
class ScoreSheetOnDossier implements DossierDocument {

    private final ReviewService reviews;

    ScoreSheetOnDossier(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public boolean offeredFor(Application app) {
        return reviews.readsSheets() && reviews.sheetCount(app.id()) > 0;
    }

    @Override
    public String labelKey() {
        return "document.scoreSheet";
    }

    @Override
    public String fileName(Application app) {
        return "评审汇总表-" + app.number() + ".pdf";
    }

    @Override
    public byte[] render(long applicationId) {
        return reviews.scoreSheet(applicationId);
    }

    @Override
    public int order() {
        return 20;
    }
}
