package cn.kexie.capability.funding;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApprovedAmount;
import cn.kexie.capability.programme.CallCategory;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * The approved amount (核定金额) from what the platform holds until the money ledger records it: for an
 * award programme, the amount of each award the call sets for the category (Lianyungang: 8,000, 3,000,
 * 2,000 yuan); for a project programme, the total of the application's budget. The one place to point
 * at the ledger's approved amount once it exists.
 */
@Component
class ApprovedAmountToday implements ApprovedAmount {

    static final String AWARD = "AWARD";

    private final ProgrammeCatalogue catalogue;

    ApprovedAmountToday(ProgrammeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public BigDecimal of(Application app) {
        if (AWARD.equals(catalogue.requireProgramme(app.programmeCode()).kind())) {
            return catalogue.callCategory(app.callId(), app.categoryCode()).map(CallCategory::amountYuan).orElse(null);
        }
        return app.budget().isEmpty() ? null : app.totalBudget();
    }
}
