package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FilledParticulars;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.StatementCounter;
import cn.kexie.capability.TestDatabase;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.organisation.OrganisationType;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ProjectProcess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statement budget of the eligibility step (issue 13, benchmark item 4): the facts delegate, the
 * decision and the recorder, as the benchmark runs them, in one transaction that has not read the
 * application yet (the benchmark's case; in a real submission the transaction already holds it).
 * Prints each statement with {@code -Dbudget.verbose=true}. No timing: that is the benchmark's.
 */
@PlatformTest
class EligibilityStepBudgetTest {

    static final byte[] PDF = "%PDF-1.4\n% eligibility budget\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired IdentityService identity;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired OrganisationService organisations;
    @Autowired DecisionService decisionService;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("eligibilityFacts") JavaDelegate facts;
    @Autowired @Qualifier("eligibilityRecorder") JavaDelegate recorder;

    @Test
    void measure() {
        Application app = submitted(society("CZ-ELIG-B1"), "学术年会（资格语句预算）");
        Map<String, Object> gathered = new HashMap<>();
        StatementCounter.Count f = inTransaction(() -> run(facts, app.id(), gathered));
        print("facts", f);
        Map<String, Object> inputs = new HashMap<>(gathered);
        StatementCounter.Count d = inTransaction(() -> gathered.put(ProjectProcess.ELIGIBILITY_REASONS,
                decisionService.evaluateDecisionTableByKey("chenzhou-eligibility", inputs).collectEntries("reason")));
        print("decision", d);
        StatementCounter.Count r = inTransaction(() -> run(recorder, app.id(), gathered));
        print("recorder", r);
        System.out.println(gathered);
    }

    StatementCounter.Count inTransaction(Runnable work) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        StatementCounter.Count[] count = new StatementCounter.Count[1];
        tx.executeWithoutResult(status -> count[0] = StatementCounter.count(work));
        return count[0];
    }

    static void run(JavaDelegate delegate, long applicationId, Map<String, Object> variables) {
        try {
            delegate.execute(execution(applicationId, variables));
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    static void print(String name, StatementCounter.Count count) {
        System.out.println("== eligibility " + name + " on " + (TestDatabase.isPostgres() ? "PostgreSQL" : "H2") + ": " + count);
        if (Boolean.getBoolean("budget.verbose")) {
            count.statements().forEach(s -> System.out.println("  " + s.replaceAll("\\s+", " ")));
        }
    }

    /** The execution a delegate sees (as the benchmark's): the application's id, and the variables set on it. */
    static DelegateExecution execution(long applicationId, Map<String, Object> variables) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(anyString())).thenAnswer(call -> {
            String name = call.getArgument(0);
            return ProjectProcess.APPLICATION_ID.equals(name) ? (Object) applicationId : variables.get(name);
        });
        when(execution.hasVariable(anyString())).thenAnswer(call -> ProjectProcess.APPLICATION_ID.equals(call.getArgument(0))
                || variables.containsKey((String) call.getArgument(0)));
        doAnswer(call -> {
            Object value = call.getArgument(1);
            variables.put(call.getArgument(0), value instanceof org.camunda.bpm.engine.variable.value.TypedValue t
                    ? t.getValue() : value);
            return null;
        }).when(execution).setVariable(anyString(), any());
        when(execution.getProcessInstanceId()).thenReturn("eligibility-budget-test");
        return execution;
    }

    Application submitted(String user, String title) {
        Call call = catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow();
        return AsUser.call(identity, user, () -> {
            Application draftOf = applications.start(call.id(), "ACADEMIC_EXCHANGE", title);
            ApplicationDraft draft = new ApplicationDraft();
            draft.setParticulars(FilledParticulars.of());
            draft.setTitle(title);
            draft.setAims("提升学会学术交流能力，扩大行业影响。");
            draft.setContent("举办年度学术会议一次、专题论坛三场，编印论文集。");
            draft.setSchedule("3月筹备，6月举办，9月总结。");
            draft.setExpectedResults("参会200人以上，论文集一部。");
            draft.setBudget(List.of(new Application.BudgetLine("会务费", new BigDecimal("30000"), null),
                    new Application.BudgetLine("资料印刷费", new BigDecimal("20000"), "论文集")));
            applications.saveDraft(draftOf.id(), draftOf.version(), draft);
            attachments.store(draftOf.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, user);
            applications.submit(draftOf.id());
            return applications.load(draftOf.id());
        });
    }

    /** A Chenzhou society in good standing with an applicant account, made once per database. */
    String society(String code) {
        String userId = code.toLowerCase(Locale.ROOT);
        if (identity.createUserQuery().userId(userId).count() > 0) {
            return userId;
        }
        int year = PlatformClock.today().getYear();
        Organisation org = new Organisation();
        org.setCode(code);
        org.setName("郴州市资格预算测试学会" + code.substring(code.length() - 1));
        org.setCityCode("CHENZHOU");
        org.setType(OrganisationType.MUNICIPAL_SOCIETY);
        org.setRating(4);
        org.setContactName("联系人");
        org.setContactPhone("0735-2200000");
        org.setManagementStandard(true);
        org.setHasSecretary(true);
        org.setSecretaryGeneral("秘书长");
        org.setFinanceSound(true);
        org.setIndependentBankAccount(true);
        org.setDedicatedFinanceStaff(true);
        org.setHasPartyBranch(true);
        org.setInspections(List.of(new Organisation.YearResult(year - 2, true), new Organisation.YearResult(year - 1, true)));
        org.setAssessments(List.of(new Organisation.YearResult(year - 2, true), new Organisation.YearResult(year - 1, true)));
        org.setBankName("中国银行郴州分行");
        org.setBankAccountName(org.getName());
        org.setBankAccountNo("4300000000000019" + (int) code.charAt(code.length() - 1));
        AsUser.run(identity, "office", () -> organisations.save(org));
        String group = Roles.organisationGroup(code);
        Group g = identity.newGroup(group);
        g.setName(org.getName());
        g.setType(Roles.ORGANISATION_GROUP_TYPE);
        identity.saveGroup(g);
        User u = identity.newUser(userId);
        u.setFirstName(org.getName());
        u.setPassword("Not-a-demo-password-1");
        identity.saveUser(u);
        identity.createMembership(userId, Roles.APPLICANT);
        identity.createMembership(userId, group);
        return userId;
    }
}
