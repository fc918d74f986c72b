package cn.kexie.capability.review;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDetailView;
import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * On an application's page, the office, managers and administrators of its city download every
 * expert's sheet of it (once there are any); nobody else sees the button, and
 * {@link ReviewService#sheetMatrix} refuses anyone else who asks.
 */
@org.springframework.stereotype.Component
class ScoreSheetAction implements ApplicationDetailView.DossierAction {

    private final ReviewService reviews;

    ScoreSheetAction(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public Optional<Component> create(Application app) {
        if (!reviews.hasSheets(app.id())) {
            return Optional.empty();
        }
        return Optional.of(ScoreSheetExcel.forApplication(reviews, app));
    }
}
