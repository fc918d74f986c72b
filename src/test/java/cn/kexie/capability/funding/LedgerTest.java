package cn.kexie.capability.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.approval.ApprovalService;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.organisation.OrganisationType;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Money as an office keeps it: the approved amount (核定金额) proposed in the office's step and set by
 * the deciding group, instalments never beyond it and paid to the register's account, recoveries
 * never beyond what was paid; and who reads which ledger (a dossier's, finance's across programmes).
 */
@PlatformTest
class LedgerTest {

    static final String MINUTES = "郴科协党组会议纪要〔2026〕9号";

    @Autowired ApplicationContext context;
    @Autowired Messages messages;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;
    @Autowired ReviewService reviews;
    @Autowired ApprovalService approvals;
    @Autowired FundingService funding;
    @Autowired FundingLedger ledger;
    @Autowired ApplicationService applications;
    @Autowired OrganisationService organisations;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired DossierPanel dossiers;

    FormTasks forms;

    @BeforeEach
    void chineseUi() {
        VaadinTestUi.open(messages);
        forms = new FormTasks(context);
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    // ================================================================ the approved amount

    @Test
    void theOfficeProposesTheRequestOrSaysWhyMoreAndThePartyGroupsApprovalSetsIt() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "REVIEWED");
        FundingLedger.AmountRule rule = as("office", () -> ledger.amountRule(app));
        assertThat(rule.requested()).isEqualByComparingTo("30000");
        assertThat(rule.proposed()).as("the request, by default").isEqualByComparingTo("30000");
        assertThat(rule.fixed()).isFalse();

        WorkItem conclusion = forms.task(Forms.REVIEW_CONCLUSION, app, "office", Map.of());
        assertThat(refusal(() -> reviews.conclude(conclusion.id(), ProjectProcess.PASS, null, new BigDecimal("50000.50"), " ")))
                .singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("funding.error.aboveRequest");
                    assertThat(p.args()).containsExactly(forms.number(app), "50000.50", "30000.00");
                });
        assertThat(refusal(() -> reviews.conclude(conclusion.id(), ProjectProcess.PASS, null, null, null)))
                .extracting(UserError.Problem::key).containsExactly("funding.error.approvedMissing");
        assertThat(refusal(() -> reviews.conclude(conclusion.id(), ProjectProcess.PASS, null, new BigDecimal("0"), null)))
                .extracting(UserError.Problem::key).containsExactly("funding.error.approvedAmount");
        assertThat(forms.isOpen(conclusion.id())).isTrue();
        assertThat(as("party", () -> approvals.proposal(app)).proposed()).as("nothing kept from the refusals")
                .isEqualByComparingTo("30000");

        AsUser.run(identity, "office", () -> reviews.conclude(conclusion.id(), ProjectProcess.PASS, null,
                new BigDecimal("50000.50"), "承办全省学术年会，会务支出增加"));
        assertThat(ledger.moneyOf(app).approved()).as("the party group has not decided yet").isZero();
        FundingLedger.Proposal proposal = as("party", () -> approvals.proposal(app));
        assertThat(proposal.proposed()).isEqualByComparingTo("50000.50");
        assertThat(proposal.requested()).isEqualByComparingTo("30000");
        assertThat(proposal.reason()).isEqualTo("承办全省学术年会，会务支出增加");

        approve(app, true);

        assertThat(ledger.moneyOf(app).approved()).isEqualByComparingTo("50000.50");
        assertThat(as("office", () -> ledger.entries(app))).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(LedgerEntry.APPROVAL);
            assertThat(e.entryDate()).isEqualTo(PlatformClock.today());
            assertThat(e.voucherNo()).as("the minutes' reference").isEqualTo(MINUTES);
            assertThat(e.note()).isEqualTo("承办全省学术年会，会务支出增加");
            assertThat(e.recordedBy()).isEqualTo("party");
            assertThat(e.cityCode()).isEqualTo("CHENZHOU");
        });
    }

    @Test
    void theRequestIsApprovedByDefaultAndNothingWhenTheGroupSaysNo() {
        long approved = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "REVIEWED");
        WorkItem first = forms.task(Forms.REVIEW_CONCLUSION, approved, "office", Map.of());
        AsUser.run(identity, "office", () -> reviews.conclude(first.id(), ProjectProcess.PASS, null));
        approve(approved, true);
        assertThat(ledger.moneyOf(approved).approved()).isEqualByComparingTo("30000");

        long refused = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "REVIEWED");
        WorkItem second = forms.task(Forms.REVIEW_CONCLUSION, refused, "office", Map.of());
        AsUser.run(identity, "office", () -> reviews.conclude(second.id(), ProjectProcess.PASS, null));
        approve(refused, false);
        assertThat(ledger.moneyOf(refused).approved()).isZero();
        assertThat(as("office", () -> ledger.entries(refused))).isEmpty();
    }

    @Test
    void anAwardsApprovedAmountIsTheCataloguesAndCannotBeChanged() {
        long app = forms.application("LIANYUNGANG", "LYG-PHAR", "DEMO_SOCIETY_AWARD", "AWAITING_RESULT");
        long callId = applications.load(app).callId();
        BigDecimal catalogueAmount = catalogue.callCategory(callId, "DEMO_SOCIETY_AWARD").orElseThrow().amountYuan();
        assertThat(catalogueAmount).as("this year's call has the award's amount").isNotNull();
        FundingLedger.AmountRule rule = as("office", () -> ledger.amountRule(app));
        assertThat(rule.fixed()).isTrue();
        assertThat(rule.proposed()).isEqualByComparingTo(catalogueAmount);
        assertThat(rule.requested()).isEqualByComparingTo("30000");

        assertThat(as("office", () -> ledger.checkProposal(applications.load(app), catalogueAmount.add(BigDecimal.ONE), "多给")))
                .extracting(UserError.Problem::key).containsExactly("funding.error.fixedAmount");
        // the leading group decides the list (审定): the award is the catalogue's amount
        AsUser.run(identity, "leader", () -> ledger.approve(app, PlatformClock.today(), "连科协主席会纪要〔2026〕2号"));
        assertThat(ledger.moneyOf(app).approved()).isEqualByComparingTo(catalogueAmount);

        // finance pays it, proposed and capped
        WorkItem task = forms.task(Forms.DISBURSEMENT, app, "finance", Map.of());
        AsUser.run(identity, "finance", () -> {
            DisbursementForm.Step form = (DisbursementForm.Step) context.getBean(DisbursementForm.class)
                    .create(task, () -> { });
            assertThat(form.payment.amount.getValue()).isEqualByComparingTo(catalogueAmount);
            form.payment.amount.setValue(catalogueAmount.add(new BigDecimal("0.01")));
            form.payment.voucher.setValue("连财奖〔2026〕1号");
            form.submitButton().click();
            assertThat(form.problemsText()).contains("超过核定金额");
            form.payment.amount.setValue(catalogueAmount);
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(ledger.moneyOf(app).paid()).isEqualByComparingTo(catalogueAmount);
    }

    // ================================================================ paying and recovering

    @Test
    void payingMoreThanApprovedIsRefusedAndTwoInstalmentsUpToItAreNot() {
        long app = approvedAt("50000.50");
        ProcessInstance disbursement = forms.start(Forms.DISBURSEMENT, app, Map.of());
        WorkItem task = forms.openTask(disbursement.getId(), Forms.DISBURSEMENT, "finance");

        assertThat(refusal("finance", () -> funding.recordDisbursement(task.id(), payment("60000", "郴财拨〔2026〕21号"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("funding.error.aboveApproved");
                    assertThat(p.args()).containsExactly("60000.00", "60000.00", "50000.50", "0.00", "50000.50");
                });
        assertThat(ledger.moneyOf(app).paid()).isZero();

        AsUser.run(identity, "finance", () -> funding.recordDisbursement(task.id(), payment("30000", "郴财拨〔2026〕22号")));
        assertThat(forms.isOpen(task.id())).as("the step stays open for the next instalment").isTrue();
        assertThat(runtimeService.getVariable(disbursement.getId(), ProjectProcess.DISBURSED))
                .as("the diagram knows what was paid at once").isEqualTo(30000.0);
        AsUser.run(identity, "finance", () -> funding.disburse(task.id(), payment("20000.50", "郴财拨〔2026〕23号")));
        assertThat(forms.isOpen(task.id())).isFalse();
        assertThat(ledger.moneyOf(app).paid()).isEqualByComparingTo("50000.50");
        assertThat(ledger.moneyOf(app).unpaid()).isZero();

        WorkItem third = forms.task(Forms.DISBURSEMENT, app, "finance", Map.of());
        assertThat(refusal("finance", () -> funding.recordDisbursement(third.id(), payment("0.01", "郴财拨〔2026〕24号"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("funding.error.aboveApproved");
                    assertThat(p.args()).containsExactly("0.01", "50000.51", "50000.50", "50000.50", "0.00");
                });
        assertThat(as("office", () -> ledger.entries(app))).extracting(LedgerEntry::kind, e -> e.amountYuan().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("APPROVAL", "50000.50"),
                        org.assertj.core.groups.Tuple.tuple("DISBURSEMENT", "30000.00"),
                        org.assertj.core.groups.Tuple.tuple("DISBURSEMENT", "20000.50"));
    }

    @Test
    void nothingIsPaidBeforeTheApprovalOrBeforeItsDateAndTheStepNeedsAPayment() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AWAITING_FUNDS");
        WorkItem task = forms.task(Forms.DISBURSEMENT, app, "finance", Map.of());
        assertThat(refusal("finance", () -> funding.recordDisbursement(task.id(), payment("100", "V-1"))))
                .extracting(UserError.Problem::key).containsExactly("funding.error.notApproved");
        assertThat(refusal("finance", () -> funding.disburse(task.id(), null)))
                .extracting(UserError.Problem::key).containsExactly("funding.error.nothingPaid");

        forms.approved(app, new BigDecimal("30000"));
        assertThat(refusal("finance", () -> funding.recordDisbursement(task.id(),
                new FundingService.Payment(new BigDecimal("100"), PlatformClock.today().minusDays(1), "V-2"))))
                .extracting(UserError.Problem::key).containsExactly("funding.error.beforeApproval");
        List<UserError.Problem> office = refusal("office", () -> funding.recordDisbursement(task.id(), payment("100", "V-3")));
        assertThat(office == null ? List.of() : office.stream().map(UserError.Problem::key).toList())
                .as("the office is no candidate of finance's step: refused, or the task looks gone").isIn(List.of(),
                        List.of("task.error.gone"));
        assertThat(ledger.moneyOf(app).paid()).isZero();
    }

    @Test
    void aPaymentGoesToTheAccountInTheRegisterAndKeepsItsCopy() {
        String code = "LEDGER-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        Organisation org = new Organisation();
        org.setCode(code);
        org.setName("账户测试学会" + code);
        org.setCityCode("CHENZHOU");
        org.setType(OrganisationType.MUNICIPAL_SOCIETY);
        Organisation saved = as("office", () -> organisations.save(org));
        long app = forms.application(code, "ACADEMIC_EXCHANGE", "AWAITING_FUNDS");
        forms.approved(app, new BigDecimal("10000"));
        WorkItem task = forms.task(Forms.DISBURSEMENT, app, "finance", Map.of());

        assertThat(refusal("finance", () -> funding.recordDisbursement(task.id(), payment("5000", "郴财拨〔2026〕31号"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("funding.error.noBankAccount");
                    assertThat(p.args()).containsExactly(saved.getName());
                });
        assertThat(messages.getTranslation("funding.error.noBankAccount", Messages.CHINESE, saved.getName()))
                .as("the message says where to add it").contains("学会名录 → " + saved.getName() + " → 银行账户");

        // the register: all three or none, the number digits only (spaces as typed are dropped)
        Organisation half = as("office", () -> organisations.get(saved.getId()));
        half.setBankName("中国银行郴州分行");
        assertThat(refusal("office", () -> organisations.save(half))).extracting(UserError.Problem::key)
                .containsExactly("organisation.error.bankIncomplete");
        half.setBankAccountName(saved.getName());
        half.setBankAccountNo("6222-0000");
        assertThat(refusal("office", () -> organisations.save(half))).extracting(UserError.Problem::key)
                .containsExactly("organisation.error.bankAccountNo");
        half.setBankAccountNo("6222 0000 1111 2222");
        Organisation withAccount = as("office", () -> organisations.save(half));
        assertThat(withAccount.getBankAccountNo()).isEqualTo("6222000011112222");

        AsUser.run(identity, "finance", () -> funding.recordDisbursement(task.id(), payment("5000", "郴财拨〔2026〕31号")));
        withAccount.setBankAccountNo("6222000099998888");
        as("office", () -> organisations.save(withAccount));

        assertThat(as("finance", () -> ledger.entries(app))).filteredOn(e -> e.kind().equals(LedgerEntry.DISBURSEMENT))
                .singleElement().satisfies(e -> {
                    assertThat(e.bankName()).isEqualTo("中国银行郴州分行");
                    assertThat(e.bankAccountName()).isEqualTo(saved.getName());
                    assertThat(e.bankAccountNo()).as("a copy: a later edit of the register changes no payment")
                            .isEqualTo("6222000011112222");
                });
    }

    @Test
    void recoveriesTakeBackNoMoreThanWasPaidAndNotYetRecovered() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "SANCTIONING");
        forms.approved(app, new BigDecimal("30000"));
        WorkItem pay = forms.task(Forms.DISBURSEMENT, app, "finance", Map.of());
        AsUser.run(identity, "finance", () -> funding.disburse(pay.id(), payment("20000", "郴财拨〔2026〕41号")));

        WorkItem first = forms.task(Forms.FUND_RECOVERY, app, "finance", Map.of());
        assertThat(refusal("finance", () -> funding.recover(first.id(), payment("20000.01", "郴财收〔2026〕1号"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("funding.error.moreThanDisbursed");
                    assertThat(p.args()).containsExactly("20000.00");
                });
        AsUser.run(identity, "finance", () -> funding.recover(first.id(), payment("5000", "郴财收〔2026〕1号")));

        WorkItem second = forms.task(Forms.FUND_RECOVERY, app, "finance", Map.of());
        assertThat(refusal("finance", () -> funding.recover(second.id(), payment("15000.01", "郴财收〔2026〕2号"))))
                .singleElement().satisfies(p -> assertThat(p.args()).containsExactly("15000.00"));
        AsUser.run(identity, "finance", () -> funding.recover(second.id(), payment("15000", "郴财收〔2026〕2号")));

        WorkItem third = forms.task(Forms.FUND_RECOVERY, app, "finance", Map.of());
        assertThat(refusal("finance", () -> funding.recover(third.id(), payment("0.01", "郴财收〔2026〕3号"))))
                .singleElement().satisfies(p -> assertThat(p.args()).containsExactly("0.00"));
        Money money = ledger.moneyOf(app);
        assertThat(money.paid()).isEqualByComparingTo("20000");
        assertThat(money.recovered()).isEqualByComparingTo("20000");
        assertThat(money.netPaid()).isZero();
    }

    // ================================================================ who reads which ledger

    @Test
    void theDossiersLedgerIsReadByThoseWhoHandleItsMoneyAndItsApplicantOnly() {
        long app = approvedAt("30000");
        WorkItem pay = forms.task(Forms.DISBURSEMENT, app, "finance", Map.of());
        AsUser.run(identity, "finance", () -> funding.recordDisbursement(pay.id(), payment("10000", "郴财拨〔2026〕51号")));
        // an expert who scores the application reads its dossier, not its money
        forms.task(Forms.EXPERT_SCORE, app, "expert1", Map.of(ProjectProcess.EXPERT, "expert1"));

        for (String staff : List.of("office", "finance", "manager", "party", "leader", "demo")) {
            assertThat(as(staff, () -> ledger.entries(app))).as(staff).hasSize(2)
                    .allSatisfy(e -> assertThat(e.recordedBy()).isNotNull());
        }
        assertThat(as("cz-med", () -> ledger.entries(app))).as("its applicant, without who recorded what").hasSize(2)
                .allSatisfy(e -> assertThat(e.recordedBy()).isNull());
        assertThat(as("cz-med", () -> ledger.money(app)).paid()).isEqualByComparingTo("10000");
        for (String other : List.of("cz-agri", "xz-mech", "office-xz", "expert1", "county")) {
            assertThatThrownBy(() -> AsUser.run(identity, other, () -> ledger.entries(app))).as(other)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> AsUser.run(identity, other, () -> ledger.money(app))).as(other)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(as("expert1", () -> applications.get(app).id())).as("the expert reads the dossier").isEqualTo(app);

        assertThat(ledgerSection("cz-med", app)).isPresent().get().extracting(Paragraph::getText)
                .isEqualTo("核定 30,000.00 元，已拨付 10,000.00 元，已收回 0.00 元，尚未拨付 20,000.00 元。");
        assertThat(ledgerSection("office", app)).isPresent();
        assertThat(ledgerSection("expert1", app)).as("no money in the expert's dossier").isEmpty();
    }

    @Test
    void financesLedgerAcrossProgrammesKeepsToTheUsersCities() {
        long chenzhou = approvedAt("30000");
        WorkItem pay = forms.task(Forms.DISBURSEMENT, chenzhou, "finance", Map.of());
        AsUser.run(identity, "finance", () -> funding.recordDisbursement(pay.id(), payment("12000", "郴财拨〔2026〕61号")));
        long xuzhou = forms.application("XUZHOU", "XZ-MECH", "SERVICE_TECH", "IN_PROGRESS");
        forms.approved(xuzhou, new BigDecimal("20000"));
        String chenzhouNumber = forms.number(chenzhou);
        String xuzhouNumber = forms.number(xuzhou);
        int year = PlatformClock.today().getYear();

        List<LedgerEntry> all = as("finance", () -> ledger.search(LedgerFilter.all(), 0, 100_000));
        assertThat(all).extracting(LedgerEntry::reference).contains(chenzhouNumber, xuzhouNumber);
        assertThat(as("finance", () -> ledger.totals(LedgerFilter.all()))).extracting(YearTotals::year, YearTotals::programmeCode)
                .contains(org.assertj.core.groups.Tuple.tuple(year, "CHENZHOU"), org.assertj.core.groups.Tuple.tuple(year, "XUZHOU"));
        List<LedgerEntry> filtered = as("finance", () -> ledger.search(
                new LedgerFilter("CHENZHOU", year, "郴州市医学会", LedgerEntry.DISBURSEMENT), 0, 100_000));
        assertThat(filtered).isNotEmpty().allSatisfy(e -> {
            assertThat(e.programmeCode()).isEqualTo("CHENZHOU");
            assertThat(e.entryDate().getYear()).isEqualTo(year);
            assertThat(e.organisationName()).isEqualTo("郴州市医学会");
            assertThat(e.kind()).isEqualTo(LedgerEntry.DISBURSEMENT);
        }).extracting(LedgerEntry::voucherNo).contains("郴财拨〔2026〕61号");

        // Xuzhou's office: Xuzhou's entries, nothing of Chenzhou, and sums of exactly those
        List<LedgerEntry> xz = as("office-xz", () -> ledger.search(LedgerFilter.all(), 0, 100_000));
        assertThat(xz).extracting(LedgerEntry::reference).contains(xuzhouNumber).doesNotContain(chenzhouNumber);
        assertThat(xz).allSatisfy(e -> assertThat(e.cityCode()).isEqualTo("XUZHOU"));
        assertThat(as("office-xz", () -> ledger.count(LedgerFilter.all()))).isEqualTo(xz.size());
        assertThat(as("office-xz", () -> ledger.totals(LedgerFilter.all()))).extracting(YearTotals::programmeCode)
                .containsOnly("XUZHOU");
        BigDecimal xuzhouApproved = jdbc.sql("select coalesce(sum(amount_yuan), 0) from funding_entry where city_code = 'XUZHOU'"
                + " and kind = 'APPROVAL'").query(BigDecimal.class).single();
        assertThat(as("office-xz", () -> ledger.sum(LedgerFilter.all())).approved()).isEqualByComparingTo(xuzhouApproved);

        // what Xuzhou's office sees in the view is what its list gives
        AsUser.run(identity, "office-xz", () -> {
            LedgerView view = new LedgerView(ledger, catalogue);
            List<LedgerEntry> shown = view.entries.getDataProvider().fetch(new Query<>()).toList();
            assertThat(shown).extracting(LedgerEntry::reference).contains(xuzhouNumber).doesNotContain(chenzhouNumber);
            assertThat(view.totals.getGenericDataView().getItems().map(YearTotals::programmeCode)).containsOnly("XUZHOU");
            assertThat(view.programme.getGenericDataView().getItems().map(p -> p.code())).containsExactly("XUZHOU");
            assertThat(view.sum.getText()).startsWith("共 " + xz.size() + " 条记录：核定 ");
        });

        for (String refused : List.of("cz-med", "expert1", "party", "leader", "county")) {
            assertThatThrownBy(() -> AsUser.run(identity, refused, () -> ledger.search(LedgerFilter.all(), 0, 10))).as(refused)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> AsUser.run(identity, refused, () -> ledger.totals(LedgerFilter.all()))).as(refused)
                    .isInstanceOf(AccessDeniedException.class);
        }
        var checker = new AccessAnnotationChecker();
        for (String role : List.of("finance", "programme-office", "manager", "camunda-admin")) {
            assertThat(checker.hasAccess(LedgerView.class, () -> "someone", Set.of(role)::contains)).as(role).isTrue();
        }
        for (String role : List.of("applicant", "expert", "party-group", "leading-group", "county-association")) {
            assertThat(checker.hasAccess(LedgerView.class, () -> "someone", Set.of(role)::contains)).as(role).isFalse();
        }
    }

    // ================================================================ steps

    /** A Chenzhou application (request 30,000) the party group approved with this amount. */
    long approvedAt(String amount) {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AWAITING_FUNDS");
        forms.approved(app, new BigDecimal(amount));
        assertThat(ledger.moneyOf(app).approved()).isEqualByComparingTo(amount);
        return app;
    }

    void approve(long app, boolean approved) {
        WorkItem approval = forms.task(Forms.APPROVAL, app, "party", Map.of());
        AsUser.run(identity, "party", () -> approvals.decide(approval.id(),
                new ApprovalService.Approval(approved, PlatformClock.today(), MINUTES, approved ? null : "经费不足")));
    }

    static FundingService.Payment payment(String amount, String voucher) {
        return new FundingService.Payment(new BigDecimal(amount), PlatformClock.today(), voucher);
    }

    /** The ledger's summary in the dossier as the user sees it, if the dossier shows the ledger. */
    java.util.Optional<Paragraph> ledgerSection(String user, long app) {
        return as(user, () -> {
            var panel = dossiers.create(app, false);
            return VaadinTestUi.find(panel, Details.class, d -> "dossier-ledger".equals(d.getId().orElse(null)))
                    .flatMap(d -> VaadinTestUi.find(d, Paragraph.class, p -> p.hasClassName("ledger-summary")));
        });
    }

    <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }

    /** The problems of a refusal as the office; fails if the action went through. */
    List<UserError.Problem> refusal(Runnable action) {
        return refusal("office", action);
    }

    /** The problems of a refusal, or null if the user was refused outright (not a candidate, say). */
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
