package cn.kexie.capability.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.ExcelFiles;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.application.ApplicationFilter;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.funding.FundingLedger;
import cn.kexie.capability.funding.YearTotals;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.CellType;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;

/**
 * The dashboard's figures against a season known to the test: a call year of its own (no other test
 * has applications of it) in Chenzhou and Xuzhou, societies of its own, ledger entries dated in that
 * year and tasks with holders of its own. Each figure is asserted exactly, as the office (every
 * city), Xuzhou's office (Xuzhou only) and the roles without a dashboard (refused) see it; each
 * drill-down lists exactly what its bar counts, and its export holds the same rows.
 */
@PlatformTest
class DashboardFiguresTest {

    @Autowired DashboardService dashboard;
    @Autowired ApplicationService applications;
    @Autowired FundingLedger ledger;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired ApplicationContext context;
    @Autowired Messages messages;

    /** A call year of this run's own, in the past and before any year the ledger or other tests use. */
    int year;
    FormTasks forms;
    long czCall;
    long xzCall;
    String czOrg;
    String xzOrg;

    @BeforeEach
    void season() {
        VaadinTestUi.open(messages);
        forms = new FormTasks(context);
        year = 2001 + ThreadLocalRandom.current().nextInt(19);
        while (jdbc.sql("select count(*) from programme_call where call_year = ?").param(year).query(Integer.class).single() > 0) {
            year = 2001 + ThreadLocalRandom.current().nextInt(19);
        }
        czCall = call("CHENZHOU");
        xzCall = call("XUZHOU");
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        czOrg = organisation("DASH-CZ-" + suffix, "看板测试郴州学会" + suffix, "CHENZHOU");
        xzOrg = organisation("DASH-XZ-" + suffix, "看板测试徐州学会" + suffix, "XUZHOU");
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void applicationFiguresOfTheKnownSeasonAsEachOfficeSeesThem() {
        long cz1 = application("CHENZHOU", czCall, czOrg, "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        long cz2 = application("CHENZHOU", czCall, czOrg, "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        long cz3 = application("CHENZHOU", czCall, czOrg, "SOCIAL_SERVICE", "APPROVED");
        long xz1 = application("XUZHOU", xzCall, xzOrg, "SERVICE_TECH", "EXPERT_REVIEW");

        List<DashboardService.Cell> office = mine(as("office", () -> dashboard.applicationCells()));
        assertThat(office).containsExactlyInAnyOrder(
                new DashboardService.Cell("CHENZHOU", year, "ACADEMIC_EXCHANGE", "FORMAL_REVIEW", 2),
                new DashboardService.Cell("CHENZHOU", year, "SOCIAL_SERVICE", "APPROVED", 1),
                new DashboardService.Cell("XUZHOU", year, "SERVICE_TECH", "EXPERT_REVIEW", 1));
        assertThat(mine(as("manager", () -> dashboard.applicationCells()))).isEqualTo(office);
        assertThat(mine(as("office-xz", () -> dashboard.applicationCells()))).containsExactly(
                new DashboardService.Cell("XUZHOU", year, "SERVICE_TECH", "EXPERT_REVIEW", 1));
        assertThat(as("office-xz", () -> dashboard.applicationCells())).extracting(DashboardService.Cell::programmeCode)
                .containsOnly("XUZHOU");

        // the list behind the bar "Chenzhou, that year": the three of Chenzhou, for Xuzhou's office none
        ApplicationFilter chenzhouYear = new ApplicationFilter("CHENZHOU", czCall, null, null, null);
        assertThat(as("office", () -> applications.search(chenzhouYear, 0, 100)))
                .extracting(a -> a.id()).containsExactlyInAnyOrder(cz1, cz2, cz3);
        assertThat(as("office-xz", () -> applications.search(chenzhouYear, 0, 100))).isEmpty();
        assertThat(as("office-xz", () -> applications.search(new ApplicationFilter("XUZHOU", xzCall, null, null, null), 0, 100)))
                .extracting(a -> a.id()).containsExactly(xz1);
    }

    @Test
    void moneyOfTheKnownYearByProgrammeAndCity() {
        long cz = application("CHENZHOU", czCall, czOrg, "ACADEMIC_EXCHANGE", "IN_PROGRESS");
        long xz = application("XUZHOU", xzCall, xzOrg, "SERVICE_TECH", "IN_PROGRESS");
        entry(cz, "CHENZHOU", "APPROVAL", "50000.00", 3);
        entry(cz, "CHENZHOU", "APPROVAL", "-5000.00", 4);
        entry(cz, "CHENZHOU", "DISBURSEMENT", "30000.50", 5);
        entry(cz, "CHENZHOU", "DISBURSEMENT", "10000.00", 6);
        entry(cz, "CHENZHOU", "RECOVERY", "1000.25", 7);
        entry(xz, "XUZHOU", "APPROVAL", "20000.00", 3);
        entry(xz, "XUZHOU", "DISBURSEMENT", "20000.00", 5);

        List<YearTotals> office = ofYear(as("office", () -> dashboard.money()));
        assertThat(office).hasSize(2);
        assertMoney(office, "CHENZHOU", "45000.00", "40000.50", "1000.25");
        assertMoney(office, "XUZHOU", "20000.00", "20000.00", "0");
        List<YearTotals> xuzhou = ofYear(as("office-xz", () -> dashboard.money()));
        assertThat(xuzhou).hasSize(1);
        assertMoney(xuzhou, "XUZHOU", "20000.00", "20000.00", "0");

        // the list behind the bar "that year, paid": the three payments the office sees, the one of Xuzhou for office-xz
        var paid = new cn.kexie.capability.funding.LedgerFilter(null, year, null, "DISBURSEMENT");
        assertThat(as("office", () -> ledger.search(paid, 0, 100))).extracting(e -> e.amountYuan().toPlainString())
                .containsExactlyInAnyOrder("30000.50", "10000.00", "20000.00");
        assertThat(as("office-xz", () -> ledger.search(paid, 0, 100))).extracting(e -> e.amountYuan().toPlainString())
                .containsExactly("20000.00");
    }

    @Test
    void waitsAndOverdueTasksByStepAndHolder() {
        long cz1 = application("CHENZHOU", czCall, czOrg, "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        long cz2 = application("CHENZHOU", czCall, czOrg, "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        long cz3 = application("CHENZHOU", czCall, czOrg, "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        long xz1 = application("XUZHOU", xzCall, xzOrg, "SERVICE_TECH", "FORMAL_REVIEW");
        String holder = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        String xzHolder = "dash-xz-" + UUID.randomUUID().toString().substring(0, 8);
        Instant longAgo = LocalDate.of(year, 1, 2).atTime(9, 30).toInstant(ZoneOffset.UTC);
        Task t1 = formalReview(cz1, holder, longAgo, true);
        Task t2 = formalReview(cz2, holder, longAgo.plusSeconds(3600), true);
        formalReview(cz3, null, longAgo.plusSeconds(7200), false);
        Task x1 = formalReview(xz1, xzHolder, longAgo.minusSeconds(3600), true);

        // overdue: two of the Chenzhou holder's, one of Xuzhou's; the third Chenzhou task is not due
        List<DashboardService.Overdue> office = as("office", () -> dashboard.overdue());
        assertThat(office).contains(new DashboardService.Overdue("Task_FormalReview", "形式审查", holder, 2),
                new DashboardService.Overdue("Task_FormalReview", "形式审查", xzHolder, 1));
        List<DashboardService.Overdue> xz = as("office-xz", () -> dashboard.overdue());
        assertThat(xz).contains(new DashboardService.Overdue("Task_FormalReview", "形式审查", xzHolder, 1))
                .noneMatch(o -> holder.equals(o.assignee()));

        // the list behind the bar of the holder: exactly its two tasks, the longest waiting first; none for office-xz
        DashboardService.TaskSelection overdueOfHolder = DashboardService.TaskSelection.overdue("Task_FormalReview", holder);
        List<DashboardService.TaskRow> rows = as("office", () -> dashboard.tasks(overdueOfHolder, 0, 100));
        assertThat(rows).extracting(DashboardService.TaskRow::taskId).containsExactly(t1.getId(), t2.getId());
        assertThat(rows).extracting(DashboardService.TaskRow::reference).containsExactly(forms.number(cz1), forms.number(cz2));
        assertThat(rows.get(0).organisation()).startsWith("看板测试郴州学会");
        assertThat(as("office", () -> dashboard.countTasks(overdueOfHolder))).isEqualTo(2);
        assertThat(as("office-xz", () -> dashboard.tasks(overdueOfHolder, 0, 100))).isEmpty();
        assertThat(as("office-xz", () -> dashboard.countTasks(overdueOfHolder))).isZero();

        // waits: the formal review's oldest open task is the Xuzhou one for the office, the first Chenzhou one for... Xuzhou's office its own
        DashboardService.Wait all = as("office", () -> dashboard.waits()).stream()
                .filter(w -> w.step().equals("Task_FormalReview")).findFirst().orElseThrow();
        assertThat(all.oldestOpen()).isEqualTo(longAgo.minusSeconds(3600));
        assertThat(all.open()).isGreaterThanOrEqualTo(4);
        assertThat(as("office", () -> dashboard.waits()).get(0).longestWaitDays(Instant.now()))
                .isGreaterThanOrEqualTo(all.longestWaitDays(Instant.now()));
        DashboardService.Wait xzWait = as("office-xz", () -> dashboard.waits()).stream()
                .filter(w -> w.step().equals("Task_FormalReview")).findFirst().orElseThrow();
        assertThat(xzWait.oldestOpen()).isEqualTo(longAgo.minusSeconds(3600));
        List<String> xzWaiting = as("office-xz", () -> dashboard.tasks(
                DashboardService.TaskSelection.waitingAt("Task_FormalReview"), 0, 10_000)).stream()
                .map(DashboardService.TaskRow::taskId).toList();
        assertThat(xzWaiting).contains(x1.getId()).doesNotContain(t1.getId(), t2.getId());
        assertThat(as("office-xz", () -> dashboard.countTasks(DashboardService.TaskSelection.waitingAt("Task_FormalReview"))))
                .isEqualTo(xzWaiting.size()).isLessThan(as("office", () -> dashboard.countTasks(
                        DashboardService.TaskSelection.waitingAt("Task_FormalReview"))));
    }

    @Test
    void rolesWithoutTheDashboardGetNoFiguresAndNoLists() {
        DashboardService.TaskSelection any = DashboardService.TaskSelection.waitingAt("Task_FormalReview");
        for (String user : List.of("expert1", "cz-med", "finance", "party")) {
            List<Supplier<Object>> calls = List.of(() -> dashboard.applicationCells(), () -> dashboard.money(),
                    () -> dashboard.waits(), () -> dashboard.overdue(), () -> dashboard.tasks(any, 0, 10),
                    () -> dashboard.countTasks(any));
            for (Supplier<Object> call : calls) {
                assertThatThrownBy(() -> as(user, call)).as(user).isInstanceOf(AccessDeniedException.class);
            }
            assertThatThrownBy(() -> as(user, () -> view())).as(user).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aClickOnABarListsWhatIsBehindItAndTheListExportsToExcel() {
        long cz1 = application("CHENZHOU", czCall, czOrg, "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        long cz2 = application("CHENZHOU", czCall, czOrg, "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        application("XUZHOU", xzCall, xzOrg, "SERVICE_TECH", "FORMAL_REVIEW");

        ExcelFiles.ReadSheet sheet = as("office", () -> {
            DashboardView view = view();
            assertThat(view.byProgramme.optionJson()).contains("郴州市科协学会服务能力提升计划", "徐州市科协学会服务能力提升计划");
            assertThat(view.drill.isVisible()).isFalse();
            // a click the chart could not have sent (no such slice) lists nothing
            view.byStatus.drill(0, 100_000);
            assertThat(view.drill.isVisible()).isFalse();
            // the year chart: one series per programme in the order of the cube, one bar per year ascending
            List<String> codes = view.yearCodes();
            List<Integer> years = view.yearYears();
            view.byYear.drill(codes.indexOf("CHENZHOU"), years.indexOf(year));
            assertThat(view.drill.isVisible()).isTrue();
            return ExcelFiles.sheet(view.drillExport.content());
        });
        assertThat(sheet.title()).isEqualTo("看板申报清单");
        assertThat(sheet.subtitle()).startsWith("筛选条件：郴州市科协学会服务能力提升计划 · " + year + "年");
        assertThat(sheet.texts("项目编号")).containsExactlyInAnyOrder(forms.number(cz1), forms.number(cz2));
        assertThat(sheet.type(sheet.rows().get(0), "年度")).isEqualTo(CellType.NUMERIC);
        assertThat(sheet.cell(sheet.rows().get(0), "年度").getNumericCellValue()).isEqualTo(year);
    }

    // ---------------------------------------------------------------- the known season

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }

    private DashboardView view() {
        return new DashboardView(dashboard, applications, ledger, catalogue);
    }

    private List<DashboardService.Cell> mine(List<DashboardService.Cell> cells) {
        return cells.stream().filter(c -> c.year() == year).toList();
    }

    private List<YearTotals> ofYear(List<YearTotals> totals) {
        return totals.stream().filter(t -> t.year() == year).toList();
    }

    private static void assertMoney(List<YearTotals> totals, String programme, String approved, String paid, String recovered) {
        YearTotals t = totals.stream().filter(y -> y.programmeCode().equals(programme)).findFirst().orElseThrow();
        assertThat(t.money().approved()).as(programme + " approved").isEqualByComparingTo(approved);
        assertThat(t.money().paid()).as(programme + " paid").isEqualByComparingTo(paid);
        assertThat(t.money().recovered()).as(programme + " recovered").isEqualByComparingTo(recovered);
    }

    private long call(String programme) {
        return jdbc.sql("select id from programme_call where programme_code = ? and call_year = ?").params(programme, year)
                .query(Long.class).optional().orElseGet(() -> {
                    var keys = new GeneratedKeyHolder();
                    jdbc.sql("insert into programme_call (programme_code, call_year, title, published_on) values (?, ?, ?, ?)")
                            .params(programme, year, year + "年度看板测试", LocalDate.of(year, 3, 1)).update(keys, "id");
                    return keys.getKey().longValue();
                });
    }

    private String organisation(String code, String name, String city) {
        jdbc.sql("insert into organisation (code, name, city_code, org_type) values (?, ?, ?, 'MUNICIPAL_SOCIETY')")
                .params(code, name, city).update();
        return code;
    }

    private long application(String programme, long callId, String organisationCode, String category, String status) {
        long organisationId = jdbc.sql("select id from organisation where code = ?").param(organisationCode)
                .query(Long.class).single();
        String number = "DASH-" + UUID.randomUUID().toString().substring(0, 10).toUpperCase(java.util.Locale.ROOT);
        Timestamp at = Timestamp.from(LocalDate.of(year, 4, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into application (number, programme_code, call_id, category_code, organisation_id, title, status,
                    created_by, created_at, submitted_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, programme, callId, category, organisationId, "看板测试项目 " + number, status,
                        organisationCode.toLowerCase(java.util.Locale.ROOT), at, at, at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private void entry(long applicationId, String city, String kind, String amount, int month) {
        jdbc.sql("""
                insert into funding_entry (application_id, city_code, programme_code, organisation_id, reference, kind,
                    amount_yuan, entry_date, voucher_no, recorded_by, recorded_at)
                select id, ?, programme_code, organisation_id, number, ?, ?, ?, ?, 'finance', current_timestamp
                from application where id = ?""")
                .params(city, kind, new BigDecimal(amount), LocalDate.of(year, month, 10),
                        "DASH-" + UUID.randomUUID().toString().substring(0, 8), applicationId)
                .update();
    }

    /** The formal review of the application open in the test diagram, held by {@code holder}, created then, overdue or not. */
    private Task formalReview(long applicationId, String holder, Instant created, boolean overdue) {
        ProcessInstance instance = forms.start("platform:formal-review", applicationId, Map.of());
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        // a holder of this test's own (no one else's overdue tasks count for it), written as the engine keeps it
        Instant due = overdue ? created.plusSeconds(86_400) : Instant.now().plusSeconds(30L * 86_400);
        jdbc.sql("update act_ru_task set create_time_ = ?, due_date_ = ?, assignee_ = ? where id_ = ?")
                .params(Timestamp.from(created), Timestamp.from(due), holder, task.getId()).update();
        return task;
    }
}
