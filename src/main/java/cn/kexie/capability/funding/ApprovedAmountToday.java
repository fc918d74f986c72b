package cn.kexie.capability.funding;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApprovedAmount;
import cn.kexie.capability.programme.CallCategory;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * The approved amount (核定金额) from what the platform holds until the money ledger records it: an
 * award's amount where the call sets one for the category (Lianyungang), otherwise the total of the
 * application's budget. The one place to point at the ledger's amount once it exists.
 */
@Component
class ApprovedAmountToday implements ApprovedAmount {

    private final ProgrammeCatalogue catalogue;

    ApprovedAmountToday(ProgrammeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public BigDecimal of(Application app) {
        return catalogue.callCategory(app.callId(), app.categoryCode()).map(CallCategory::amountYuan)
                .orElseGet(() -> app.budget().isEmpty() ? null : app.totalBudget());
    }
}
