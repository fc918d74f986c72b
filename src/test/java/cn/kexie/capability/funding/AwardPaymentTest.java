package cn.kexie.capability.funding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Lianyungang (连科协〔2017〕15号): finance pays an award at the catalogue's amount (综合示范学会奖每个0.8万元,
 * 科技服务站0.3万元 …), in full: the step does not complete on part of it, and a refused completion
 * leaves nothing paid. A project's step still completes on what was paid (its rest is released).
 */
@PlatformTest
class AwardPaymentTest {

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired FundingService funding;
    @Autowired FundingLedger ledger;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired cn.kexie.capability.application.ApplicationService applications;

    FormTasks forms;

    @BeforeEach
    void forms() {
        forms = new FormTasks(context);
    }

    @Test
    void anAwardIsPaidInFullAtTheCataloguesAmount() {
        long app = forms.application("LIANYUNGANG", "LYG-PHAR", "SERVICE_STATION", "AWAITING_RESULT");
        BigDecimal award = catalogue.callCategory(applications.load(app).callId(), "SERVICE_STATION").orElseThrow().amountYuan();
        assertThat(award).as("the catalogue's amount of the award").isNotNull();
        AsUser.run(identity, "leader", () -> ledger.approve(app, PlatformClock.today(), "连科协主席会纪要〔2026〕7号"));
        WorkItem task = forms.task(Forms.DISBURSEMENT, app, "finance", Map.of());
        BigDecimal part = award.subtract(new BigDecimal("1000"));

        assertThat(refusal("finance", () -> funding.disburse(task.id(), payment(part, "连财奖-1"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("funding.error.fixedAmountUnpaid");
                    assertThat(p.args()).containsExactly(FundingLedger.yuan(award), FundingLedger.yuan(part), "1000.00");
                });
        assertThat(ledger.moneyOf(app).paid()).as("nothing half-saved").isZero();
        assertThat(forms.isOpen(task.id())).isTrue();

        AsUser.run(identity, "finance", () -> funding.recordDisbursement(task.id(), payment(part, "连财奖-2")));
        assertThat(refusal("finance", () -> funding.disburse(task.id(), null)))
                .extracting(UserError.Problem::key).containsExactly("funding.error.fixedAmountUnpaid");
        List<UserError.Problem> office = refusal("office", () -> funding.disburse(task.id(), payment(new BigDecimal("1000"), "连财奖-X")));
        assertThat(office == null ? List.of() : office.stream().map(UserError.Problem::key).toList())
                .as("the office is no candidate of finance's step").isIn(List.of(), List.of("task.error.gone"));
        assertThat(ledger.moneyOf(app).paid()).isEqualByComparingTo(part);

        AsUser.run(identity, "finance", () -> funding.disburse(task.id(), payment(new BigDecimal("1000"), "连财奖-3")));
        assertThat(forms.isOpen(task.id())).isFalse();
        assertThat(ledger.moneyOf(app).paid()).isEqualByComparingTo(award);
    }

    @Test
    void aProjectsStepCompletesOnWhatWasPaid() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AWAITING_FUNDS");
        forms.approved(app, new BigDecimal("30000"));
        WorkItem task = forms.task(Forms.DISBURSEMENT, app, "finance", Map.of());

        AsUser.run(identity, "finance", () -> funding.disburse(task.id(), payment(new BigDecimal("20000"), "郴财拨-P1")));

        assertThat(forms.isOpen(task.id())).isFalse();
        assertThat(ledger.moneyOf(app).paid()).isEqualByComparingTo("20000");
    }

    static FundingService.Payment payment(BigDecimal amount, String voucher) {
        return new FundingService.Payment(amount, PlatformClock.today(), voucher + "-" + java.util.UUID.randomUUID().toString().substring(0, 6));
    }

    /** The problems of a refusal, or null if the user was refused outright. */
    List<UserError.Problem> refusal(String user, Runnable action) {
        try {
            AsUser.run(identity, user, action);
        } catch (UserError refused) {
            return refused.problems();
        } catch (AccessDeniedException notForThisUser) {
            return null;
        }
        throw new AssertionError("went through: expected a refusal");
    }
}
