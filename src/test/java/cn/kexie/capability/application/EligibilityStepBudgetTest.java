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
import cn.kexie.capability.TestSocieties;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.workflow.ProjectProcess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

    /** Statements of the facts delegate, whatever the number of the organisation's applications. */
    static final int FACTS_BUDGET = 3;     // 1. the application joined with its counts per category, its earlier
                                           //    recognition and the declared facts of its others in the call (one
                                           //    select, ApplicationRepository#eligibilityRows);
                                           // 2. the organisation's row; 3. its five record tables in one union
                                           //    (OrganisationRepository; none when the transaction has read them)
    static final int RECORDER_BUDGET = 1;  // the dossier's history entry (insert into application_event)

    @Test
    void theStepCostsTheDecisionAndFourStatements() {
        Application app = submitted(society("CZ-ELIG-B1"), "学术年会（资格语句预算）");
        Map<String, Object> gathered = new HashMap<>();
        StatementCounter.Count facts = inTransaction(() -> run(this.facts, app.id(), gathered));
        print("facts", facts);
        assertThat(facts.total()).as("the facts' statements").isEqualTo(FACTS_BUDGET);
        assertThat(facts.selects()).isEqualTo(FACTS_BUDGET);
        assertThat(facts.statements().get(0)).contains("from application a join programme_call c");

        Map<String, Object> inputs = new HashMap<>(gathered);
        StatementCounter.Count decision = inTransaction(
                () -> decisionService.evaluateDecisionTableByKey("chenzhou-eligibility", inputs));
        print("decision alone", decision);

        gathered.put(ProjectProcess.ELIGIBILITY_REASONS, List.of());
        long before = events(app.id(), "eligibility");
        StatementCounter.Count recorder = inTransaction(() -> run(this.recorder, app.id(), gathered));
        print("recorder", recorder);
        assertThat(recorder.total()).as("the recorder's statements").isEqualTo(RECORDER_BUDGET);
        assertThat(recorder.statements().get(0)).startsWith("insert into application_event");
        assertThat(events(app.id(), "eligibility")).isEqualTo(before + 1);

        // the step as benchmark item 4 runs it: the decision's own statements (its history) and four more
        Map<String, Object> variables = new HashMap<>();
        StatementCounter.Count step = inTransaction(() -> {
            run(this.facts, app.id(), variables);
            variables.put(ProjectProcess.ELIGIBILITY_REASONS, decisionService
                    .evaluateDecisionTableByKey("chenzhou-eligibility", new HashMap<>(variables)).collectEntries("reason"));
            run(this.recorder, app.id(), variables);
        });
        print("step", step);
        assertThat(variables.get(ProjectProcess.ELIGIBILITY_REASONS)).isEqualTo(List.of());
        assertThat(step.total()).isEqualTo(decision.total() + FACTS_BUDGET + RECORDER_BUDGET);
        assertThat(step.engine()).isEqualTo(decision.engine());
        assertThat((double) step.total() / decision.total()).as("statements against the bare decision").isLessThanOrEqualTo(1.3);
    }

    /**
     * The organisation's other applications change the facts' values, never their statements: twelve
     * more in the call, of earlier years and recognised this year, in a transaction rolled back after.
     */
    @Test
    void theFactsCountTheOrganisationsApplicationsInTheSameStatements() {
        Application app = submitted(society("CZ-ELIG-B2"), "学术年会（资格事实）");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            Map<String, Object> none = new HashMap<>();
            StatementCounter.Count alone = StatementCounter.count(() -> run(facts, app.id(), none));
            assertThat(alone.total()).isEqualTo(FACTS_BUDGET);
            assertThat(none.get("othersByCategory")).isEqualTo(Map.of("COMPREHENSIVE_DEMO", 0, "ACADEMIC_EXCHANGE", 0,
                    "SOCIAL_SERVICE", 0, "DECISION_CONSULTING", 0, "COUNTY_CAPACITY", 0));
            assertThat(none.get("previouslyRecognised")).isEqualTo(false);

            // what the application declares (as Xuzhou's service point), and twelve other applications
            jdbc.sql("update application set declared = ? where id = ?").params("{\"servicePoint\":\"北湖 服务点\"}", app.id()).update();
            long earlier = callOf(app.callYear() - 3);
            other(app, app.callId(), "ACADEMIC_EXCHANGE", "FORMAL_REVIEW", "另一学术年会", "{\"servicePoint\":\"北湖服务点\"}");
            other(app, app.callId(), "ACADEMIC_EXCHANGE", "EXPERT_REVIEW", "又一学术年会", "{\"servicePoint\":\" 北湖服务点 \"}");
            other(app, app.callId(), "ACADEMIC_EXCHANGE", "SUBMITTED", "再一学术年会", "{\"servicePoint\":\"苏仙服务点\"}");
            other(app, app.callId(), "ACADEMIC_EXCHANGE", "DRAFT", "草稿不计", "{\"servicePoint\":\"北湖服务点\"}");
            other(app, app.callId(), "ACADEMIC_EXCHANGE", "NOT_ACCEPTED", "不予受理不计", "{\"servicePoint\":\"北湖服务点\"}");
            other(app, app.callId(), "SOCIAL_SERVICE", "ESTABLISHED", "科普服务（已立项）", null);
            other(app, app.callId(), "SOCIAL_SERVICE", "ACCEPTED", "科普服务（已验收）", null);
            other(app, app.callId(), "COUNTY_CAPACITY", "REJECTED", "县域能力（不计）", null);
            // earlier years: the same project recognised (title alike but for whitespace and case) counts as
            // previously recognised; the same title not recognised, or another title, does not
            other(app, earlier, "ACADEMIC_EXCHANGE", "NOT_APPROVED", app.title(), null);
            other(app, earlier, "ACADEMIC_EXCHANGE", "ACCEPTED", "另一个项目", null);
            other(app, earlier, "SOCIAL_SERVICE", "ACCEPTED", app.title(), null);
            Map<String, Object> gathered = new HashMap<>();
            StatementCounter.Count count = StatementCounter.count(() -> run(facts, app.id(), gathered));
            print("facts with twelve other applications", count);
            // the one joined read: the transaction holds the organisation since the first gathering
            assertThat(count.total()).isEqualTo(1);
            assertThat(count.statements().get(0)).contains("from application a join programme_call c");
            assertThat(gathered.get("othersByCategory")).isEqualTo(Map.of("COMPREHENSIVE_DEMO", 0, "ACADEMIC_EXCHANGE", 3,
                    "SOCIAL_SERVICE", 2, "DECISION_CONSULTING", 0, "COUNTY_CAPACITY", 0));
            assertThat(gathered.get(ApplicationSteps.RECOGNISED_THIS_YEAR)).isEqualTo(Map.of("COMPREHENSIVE_DEMO", 0,
                    "ACADEMIC_EXCHANGE", 0, "SOCIAL_SERVICE", 2, "DECISION_CONSULTING", 0, "COUNTY_CAPACITY", 0));
            assertThat(gathered.get("othersWithSameDeclared")).isEqualTo(Map.of("servicePoint", 2));
            assertThat(gathered.get("servicePoint")).isEqualTo("北湖 服务点");
            assertThat(gathered.get("previouslyRecognised")).isEqualTo(false);

            other(app, earlier, "ACADEMIC_EXCHANGE", "ACCEPTED", " " + app.title().replace("学术", "学术 ") + "\t", null);
            Map<String, Object> again = new HashMap<>();
            assertThat(StatementCounter.count(() -> run(facts, app.id(), again)).total()).isEqualTo(1);
            assertThat(again.get("previouslyRecognised")).isEqualTo(true);
        });
    }

    @Test
    void aMissingDecisionResultFailsTheStepInsteadOfPassingTheApplication() {
        Application app = submitted(society("CZ-ELIG-B3"), "学术年会（资格结果缺失）");
        long before = events(app.id(), "eligibility");
        assertThatThrownBy(() -> inTransaction(() -> run(recorder, app.id(), new HashMap<>())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(ProjectProcess.ELIGIBILITY_REASONS);
        Map<String, Object> notAList = new HashMap<>(Map.of(ProjectProcess.ELIGIBILITY_REASONS, "ELIGIBLE"));
        assertThatThrownBy(() -> inTransaction(() -> run(recorder, app.id(), notAList)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(events(app.id(), "eligibility")).isEqualTo(before);

        // a result with reasons is recorded as such
        Map<String, Object> reasons = new HashMap<>(Map.of(ProjectProcess.ELIGIBILITY_REASONS, List.of("未设秘书处")));
        inTransaction(() -> run(recorder, app.id(), reasons));
        assertThat(jdbc.sql("select outcome from application_event where application_id = ? and step = 'eligibility'"
                + " order by id desc fetch first 1 rows only").param(app.id()).query(String.class).single())
                .isEqualTo("NOT_ELIGIBLE");
    }

    long events(long applicationId, String step) {
        return jdbc.sql("select count(*) from application_event where application_id = ? and step = ?")
                .params(applicationId, step).query(Long.class).single();
    }

    /** The Chenzhou call of the year (made in the caller's transaction when the database has none). */
    long callOf(int year) {
        return catalogue.call("CHENZHOU", year).map(Call::id).orElseGet(() -> {
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("insert into programme_call (programme_code, call_year, title, published_on) values ('CHENZHOU', ?, ?, ?)")
                    .params(year, "资格预算测试申报", java.sql.Date.valueOf(java.time.LocalDate.of(year, 1, 1))).update(keys, "id");
            return keys.getKey().longValue();
        });
    }

    static int others;

    /** Another application of the same organisation, written straight to the table. */
    void other(Application app, long callId, String category, String status, String title, String declared) {
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        jdbc.sql("""
                insert into application (number, programme_code, call_id, category_code, organisation_id, title, declared,
                    status, created_by, created_at, updated_at)
                values (?, 'CHENZHOU', ?, ?, ?, ?, ?, ?, 'test', ?, ?)""")
                .params("CZ-ELIG-O-" + app.id() + "-" + (++others), callId, category, app.organisationId(), title, declared,
                        status, now, now)
                .update();
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
        if (TestSocieties.exists(identity, code)) {
            return TestSocieties.applicantOf(code);
        }
        return TestSocieties.register(identity, organisations, TestSocieties.chenzhouInGoodStanding(code,
                "郴州市资格预算测试学会" + code.substring(code.length() - 1), "4300000000000019" + (int) code.charAt(code.length() - 1)));
    }
}
