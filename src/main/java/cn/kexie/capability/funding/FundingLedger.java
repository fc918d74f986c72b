package cn.kexie.capability.funding;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.CityScope;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ProjectProcess;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger (资金台账): what the other features read and write about money. An application's
 * approved amount (核定金额) is proposed by the office in its step before the deciding group (or is the
 * catalogue's amount of an award, see {@link ApprovedAmountRule}) and set when the group approves;
 * instalments are paid against it, never beyond it, to the account the register holds; recoveries
 * take back at most what was paid and not yet recovered. Chengdu's yearly evaluations have the same
 * ledger: the subsidy the office sets is the approved amount.
 * <p>
 * <b>Who reads what.</b> The ledger across programmes ({@link #search}, {@link #totals}) is for
 * finance, the office, managers and administrators, limited to their cities. An application's own
 * ledger ({@link #entries(long)}) is read by whoever reads its dossier ({@link ApplicationService#get})
 * and handles its money: the office, managers, party group, leading group, finance and administrators
 * of its cities, and its applicant (without the names of the staff who recorded the entries).
 * Experts and the county association read the dossier for its merits, not its money: they are refused.
 * Methods without a check are for process steps and other features' services, which check their callers.
 */
@Service
public class FundingLedger {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    static final int MAX_VOUCHER = 60;
    static final int MAX_REASON = 1000;
    /** Who keeps the books across programmes. */
    static final String[] LEDGER_READERS = {Roles.FINANCE, Roles.PROGRAMME_OFFICE, Roles.MANAGER, Roles.ADMIN};
    /** Staff who read an application's money along with its dossier. */
    static final String[] DOSSIER_MONEY_READERS = {Roles.PROGRAMME_OFFICE, Roles.MANAGER, Roles.PARTY_GROUP,
            Roles.LEADING_GROUP, Roles.FINANCE, Roles.ADMIN};
    /** Who recorded an entry when no person did (a diagram's end releasing an approval). */
    static final String PLATFORM = "platform";

    private final LedgerRepository repository;
    private final ApprovedAmountRule rule;
    private final ApplicationService applications;
    private final OrganisationService organisations;
    private final ProgrammeCatalogue catalogue;
    private final CurrentUser currentUser;
    private final IdentityService identityService;

    FundingLedger(LedgerRepository repository, ApprovedAmountRule rule, ApplicationService applications,
            OrganisationService organisations, ProgrammeCatalogue catalogue, CurrentUser currentUser,
            IdentityService identityService) {
        this.repository = repository;
        this.rule = rule;
        this.applications = applications;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.identityService = identityService;
    }

    // ================================================================ the approved amount

    /** What the office may decide for an application: the request, the amount to propose, whether it is fixed. */
    public record AmountRule(BigDecimal requested, BigDecimal proposed, boolean fixed, BigDecimal ceilingWithoutReason) {
    }

    /** The office's proposal for an application, as the deciding group sees it. */
    public record Proposal(BigDecimal requested, BigDecimal proposed, boolean fixed, String reason) {
    }

    /**
     * The approved-amount rule for the application, with the amount the office proposed last (if it
     * did) in place of the table's proposal. For the office's forms.
     */
    @Transactional
    public AmountRule amountRule(long applicationId) {
        Application app = applications.get(applicationId);
        ApprovedAmountRule.Answer answer = rule.of(app);
        BigDecimal proposed = answer.fixed() ? answer.proposed()
                : repository.proposal(app.id()).map(LedgerRepository.Proposal::proposed).orElse(answer.proposed());
        return new AmountRule(answer.requested(), proposed, answer.fixed(), answer.ceilingWithoutReason());
    }

    /** The proposal to show the deciding group: the office's, or the table's if the office made none. */
    @Transactional
    public Proposal proposal(long applicationId) {
        Application app = applications.get(applicationId);
        return proposalOf(app);
    }

    /**
     * What the office proposed, if it did, for documents whose callers checked access. Reads the saved
     * proposal only: documents render in read-only transactions, and evaluating the amount table would
     * write its history.
     */
    public BigDecimal proposedAmount(Application app) {
        return repository.proposal(app.id()).map(LedgerRepository.Proposal::proposed).orElse(null);
    }

    /**
     * The amount the amount table gives (for an award, the catalogue's), for documents whose callers
     * checked access. Evaluating the table writes its history: call it in a read-write transaction.
     */
    public BigDecimal tableAmount(Application app) {
        return rule.of(app).proposed();
    }

    /** Whether the amount table fixes the application's amount (an award's, from the catalogue). */
    boolean amountIsFixed(Application app) {
        return rule.of(app).fixed();
    }

    private Proposal proposalOf(Application app) {
        Optional<LedgerRepository.Proposal> saved = repository.proposal(app.id());
        if (saved.isPresent()) {
            LedgerRepository.Proposal p = saved.get();
            return new Proposal(p.requested(), p.proposed(), p.fixed(), p.reason());
        }
        ApprovedAmountRule.Answer answer = rule.of(app);
        return new Proposal(answer.requested(), answer.proposed(), answer.fixed(), null);
    }

    /**
     * What is wrong with the office's decision on the amount, if anything: a fixed amount (an
     * award's) cannot be changed ({@code amount} null takes it as it is); otherwise the amount must be
     * given, above 0, at most 100 million with two decimals, and above the request only with a reason.
     * Every problem names the application, so a list's problems can be told apart.
     */
    public List<Problem> checkProposal(Application app, BigDecimal amount, String reason) {
        List<Problem> problems = new ArrayList<>();
        ApprovedAmountRule.Answer answer = rule.of(app);
        String cleanReason = blankToNull(reason);
        if (answer.fixed()) {
            if (amount != null && amount.compareTo(answer.proposed()) != 0) {
                problems.add(new Problem("funding.error.fixedAmount", app.number(), yuan(answer.proposed())));
            }
        } else if (amount == null) {
            problems.add(new Problem("funding.error.approvedMissing", app.number()));
        } else if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
            problems.add(new Problem("funding.error.approvedAmount", app.number()));
        } else if (answer.ceilingWithoutReason() != null && amount.compareTo(answer.ceilingWithoutReason()) > 0
                && cleanReason == null) {
            problems.add(new Problem("funding.error.aboveRequest", app.number(), yuan(amount), yuan(answer.requested())));
        }
        if (cleanReason != null && cleanReason.length() > MAX_REASON) {
            problems.add(new Problem("funding.error.reasonLength", app.number(), MAX_REASON));
        }
        return problems;
    }

    /**
     * Keeps the office's decision on the amount until the deciding group approves (checked again:
     * refused whole if anything is wrong). The latest decision replaces an earlier one.
     */
    public void propose(Application app, BigDecimal amount, String reason) {
        UserError.throwIfAny(checkProposal(app, amount, reason));
        ApprovedAmountRule.Answer answer = rule.of(app);
        BigDecimal proposed = answer.fixed() ? answer.proposed() : amount.setScale(2, RoundingMode.UNNECESSARY);
        repository.saveProposal(new LedgerRepository.Proposal(app.id(), answer.requested(), proposed, answer.fixed(),
                answer.fixed() ? null : blankToNull(reason), currentUser.requireId(), Instant.now()));
    }

    /**
     * The deciding group approved the application: its approved amount becomes the office's proposal
     * (the catalogue's amount of an award), dated the meeting and referenced by its minutes. Approving
     * again (after a new review) changes it by the difference.
     */
    public void approve(long applicationId, LocalDate meetingDate, String minutesReference) {
        Application app = applications.load(applicationId);
        Proposal proposal = proposalOf(app);
        LedgerRepository.Subject subject = subjectOf(app);
        repository.lock(subject);
        BigDecimal change = proposal.proposed().subtract(repository.money(subject).approved());
        if (change.signum() == 0) {
            return;
        }
        repository.insert(subject, new LedgerRepository.NewEntry(LedgerEntry.APPROVAL, change, meetingDate,
                blankToNull(minutesReference), null, null, null, proposal.reason(), recorder()));
        applications.record(app.id(), "fundingApproval", "SET", null,
                Map.of("amount", proposal.proposed().toPlainString(), "requested", proposal.requested().toPlainString()));
    }

    /**
     * {@code ${fundingLedger.release(execution)}}, on a diagram's end where an approved project gets no
     * more money (not funded after an objection, not selected after all, subsidy cancelled, sanctioned):
     * the part of the approved amount not yet paid is released, with the end's name as the note.
     */
    public void release(DelegateExecution execution) {
        Object id = execution.getVariable(ProjectProcess.APPLICATION_ID);
        if (!(id instanceof Number n)) {
            return;
        }
        Application app = applications.load(n.longValue());
        LedgerRepository.Subject subject = subjectOf(app);
        repository.lock(subject);
        Money money = repository.money(subject);
        BigDecimal unpaid = money.approved().subtract(money.paid());
        if (unpaid.signum() <= 0) {
            return;
        }
        repository.insert(subject, new LedgerRepository.NewEntry(LedgerEntry.APPROVAL, unpaid.negate(), PlatformClock.today(),
                null, null, null, null, execution.getCurrentActivityName(), recorder()));
    }

    // ================================================================ Chengdu's yearly evaluations

    /** A Chengdu yearly evaluation as the ledger knows it: its programme, society and business key. */
    public record Evaluation(long evaluationId, String programmeCode, long organisationId, String businessKey) {
    }

    /** The office set the subsidy of a yearly evaluation: its approved amount, dated today. */
    public void approveEvaluation(Evaluation evaluation, BigDecimal subsidyYuan, String note) {
        LedgerRepository.Subject subject = subjectOf(evaluation);
        repository.lock(subject);
        BigDecimal change = subsidyYuan.subtract(repository.money(subject).approved());
        if (change.signum() != 0) {
            repository.insert(subject, new LedgerRepository.NewEntry(LedgerEntry.APPROVAL, change, PlatformClock.today(),
                    null, null, null, null, blankToNull(note), recorder()));
        }
    }

    /** Finance pays a yearly evaluation's subsidy (checked as every payment is). */
    public void payEvaluation(Evaluation evaluation, FundingService.Payment payment) {
        disburse(subjectOf(evaluation), payment);
    }

    public Money moneyOfEvaluation(long evaluationId) {
        return repository.moneyOfEvaluations(List.of(evaluationId)).getOrDefault(evaluationId, Money.NONE);
    }

    public Map<Long, Money> moneyOfEvaluations(Collection<Long> evaluationIds) {
        return repository.moneyOfEvaluations(evaluationIds);
    }

    // ================================================================ paying and recovering

    /** Records an instalment paid for the application (see the next method). */
    void disburse(Application app, FundingService.Payment payment) {
        disburse(subjectOf(app), payment);
    }

    /**
     * Records an instalment: never beyond the approved amount, on a day from the approval to today,
     * to the account the register holds (copied into the entry). Every problem at once; nothing
     * written if there is any.
     */
    private void disburse(LedgerRepository.Subject subject, FundingService.Payment payment) {
        repository.lock(subject);
        Money money = repository.money(subject);
        List<Problem> problems = checkPayment(payment, repository.approvedOn(subject).orElse(null));
        if (money.approved().signum() <= 0) {
            problems.add(new Problem("funding.error.notApproved", subject.reference()));
        } else if (isAmount(payment.amountYuan())) {
            BigDecimal after = money.paid().add(payment.amountYuan());
            if (after.compareTo(money.approved()) > 0) {
                problems.add(new Problem("funding.error.aboveApproved", yuan(payment.amountYuan()), yuan(after),
                        yuan(money.approved()), yuan(money.paid()), yuan(money.unpaid().max(BigDecimal.ZERO))));
            }
        }
        Organisation org = organisations.load(subject.organisationId());
        Optional<Organisation.BankAccount> account = org.bankAccount();
        if (account.isEmpty()) {
            problems.add(new Problem("funding.error.noBankAccount", org.getName()));
        }
        UserError.throwIfAny(problems);
        repository.insert(subject, new LedgerRepository.NewEntry(LedgerEntry.DISBURSEMENT,
                payment.amountYuan().setScale(2, RoundingMode.UNNECESSARY), payment.paidOn(), payment.voucherNo().trim(),
                account.get().bankName(), account.get().accountName(), account.get().accountNo(), null, recorder()));
    }

    /** Records money recovered from the application: at most what was paid and not yet recovered. */
    void recover(Application app, FundingService.Payment payment) {
        LedgerRepository.Subject subject = subjectOf(app);
        repository.lock(subject);
        Money money = repository.money(subject);
        List<Problem> problems = checkPayment(payment, null);
        if (isAmount(payment.amountYuan()) && payment.amountYuan().compareTo(money.netPaid()) > 0) {
            problems.add(new Problem("funding.error.moreThanDisbursed", yuan(money.netPaid().max(BigDecimal.ZERO))));
        }
        UserError.throwIfAny(problems);
        repository.insert(subject, new LedgerRepository.NewEntry(LedgerEntry.RECOVERY,
                payment.amountYuan().setScale(2, RoundingMode.UNNECESSARY), payment.paidOn(), payment.voucherNo().trim(),
                null, null, null, null, recorder()));
    }

    private static List<Problem> checkPayment(FundingService.Payment p, LocalDate notBefore) {
        List<Problem> problems = new ArrayList<>();
        if (!isAmount(p.amountYuan())) {
            problems.add(new Problem("funding.error.amount"));
        }
        if (p.paidOn() == null || p.paidOn().isAfter(PlatformClock.today())) {
            problems.add(new Problem("funding.error.date"));
        } else if (p.paidOn().getYear() < 2000) {
            problems.add(new Problem("funding.error.dateTooEarly"));
        } else if (notBefore != null && p.paidOn().isBefore(notBefore)) {
            problems.add(new Problem("funding.error.beforeApproval", notBefore.toString()));
        }
        if (p.voucherNo() == null || p.voucherNo().isBlank() || p.voucherNo().trim().length() > MAX_VOUCHER) {
            problems.add(new Problem("funding.error.voucher"));
        }
        return problems;
    }

    private static boolean isAmount(BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.compareTo(MAX_AMOUNT) <= 0
                && amount.stripTrailingZeros().scale() <= 2;
    }

    // ================================================================ reading

    /** An application's money, for process steps and services that checked their caller. */
    public Money moneyOf(long applicationId) {
        return repository.moneyOfApplication(applicationId);
    }

    /** An application's money, for a reader of its dossier who may see its money (see the class comment). */
    @Transactional(readOnly = true)
    public Money money(long applicationId) {
        requireMoneyReader(applications.get(applicationId));
        return repository.moneyOfApplication(applicationId);
    }

    /** An application's ledger, oldest entry first, for a reader of its dossier who may see its money. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> entries(long applicationId) {
        Application app = applications.get(applicationId);
        requireMoneyReader(app);
        List<LedgerEntry> entries = repository.entries(subjectOf(app));
        return currentUser.hasAnyRole(DOSSIER_MONEY_READERS) ? entries
                : entries.stream().map(LedgerEntry::anonymous).toList();
    }

    /** Whether the current user may read the money of an application whose dossier it reads. */
    public boolean mayReadMoney(Application app) {
        return currentUser.hasAnyRole(DOSSIER_MONEY_READERS) || currentUser.isApplicantOnly();
    }

    private void requireMoneyReader(Application readable) {
        if (!mayReadMoney(readable)) {
            throw new AccessDeniedException("funding.error.forbidden");
        }
    }

    /** The ledger across programmes: the caller's cities, newest first. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> search(LedgerFilter filter, int offset, int limit) {
        return repository.search(filter == null ? LedgerFilter.all() : filter, ledgerCities(), offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(LedgerFilter filter) {
        return repository.count(filter == null ? LedgerFilter.all() : filter, ledgerCities());
    }

    /** Sums by year and programme of what the list shows. */
    @Transactional(readOnly = true)
    public List<YearTotals> totals(LedgerFilter filter) {
        return repository.totals(filter == null ? LedgerFilter.all() : filter, ledgerCities());
    }

    /** Sums of what the list shows, for the dashboard and the list's footer. */
    @Transactional(readOnly = true)
    public Money sum(LedgerFilter filter) {
        return repository.sum(filter == null ? LedgerFilter.all() : filter, ledgerCities());
    }

    /** The years with entries in the caller's cities, the latest first. */
    @Transactional(readOnly = true)
    public List<Integer> years() {
        return repository.years(ledgerCities());
    }

    /** The caller's cities for the ledger (null: every city); refuses those who keep no books. */
    private Set<String> ledgerCities() {
        if (!currentUser.hasAnyRole(LEDGER_READERS)) {
            throw new AccessDeniedException("funding.error.forbidden");
        }
        CityScope scope = currentUser.cities();
        return scope.all() ? null : scope.cities();
    }

    /** The names of the staff who recorded entries, as lists show them (a user without a name: its id). */
    public Map<String, String> names(Collection<String> userIds) {
        Map<String, String> names = new java.util.HashMap<>();
        for (String id : new java.util.HashSet<>(userIds)) {
            if (id == null) {
                continue;
            }
            org.camunda.bpm.engine.identity.User user = identityService.createUserQuery().userId(id).singleResult();
            String name = user == null ? "" : ((user.getLastName() == null ? "" : user.getLastName())
                    + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
            names.put(id, name.isEmpty() ? id : name);
        }
        return names;
    }

    // ================================================================ helpers

    private LedgerRepository.Subject subjectOf(Application app) {
        return new LedgerRepository.Subject(app.id(), null, app.cityCode(), app.programmeCode(), app.organisationId(),
                app.number());
    }

    private LedgerRepository.Subject subjectOf(Evaluation e) {
        return new LedgerRepository.Subject(null, e.evaluationId(), catalogue.requireProgramme(e.programmeCode()).cityCode(),
                e.programmeCode(), e.organisationId(), e.businessKey());
    }

    private String recorder() {
        return currentUser.id().orElse(PLATFORM);
    }

    /** An amount as messages show it: two decimals, no grouping (e.g. 50000.50). */
    static String yuan(BigDecimal amount) {
        return amount == null ? "0.00" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
