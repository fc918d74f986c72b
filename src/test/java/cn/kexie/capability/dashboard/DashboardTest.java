package cn.kexie.capability.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@PlatformTest
class DashboardTest {

    @Autowired
    DashboardService dashboard;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityService identity;

    @Autowired
    ApplicationContext context;

    @Test
    void figuresAddUpToTheApplicationsInTheDatabase() {
        int applications = jdbc.sql("select count(*) from application").query(Integer.class).single();
        DashboardService.Totals totals = AsUser.call(identity, "office", () -> dashboard.totals());
        assertThat(totals.applications()).isEqualTo(applications);
        assertThat(AsUser.call(identity, "manager", () -> dashboard.byStatus()).stream()
                .mapToInt(DashboardService.Row::count).sum()).isEqualTo(applications);
        assertThat(totals.open()).isBetween(0, applications);
    }

    @Test
    void anOfficeOfOneCityCountsThatCitysApplicationsAndMoneyOnly() {
        FormTasks forms = new FormTasks(context);
        long chenzhou = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "IN_PROGRESS");
        forms.application("XUZHOU", "XZ-PSCI", "SERVICE_TECH", "FORMAL_REVIEW");
        forms.approved(chenzhou, new java.math.BigDecimal("30000"));
        jdbc.sql("""
                insert into funding_entry (application_id, city_code, programme_code, organisation_id, reference, kind,
                    amount_yuan, entry_date, voucher_no, recorded_by, recorded_at)
                select id, 'CHENZHOU', programme_code, organisation_id, number, 'DISBURSEMENT', 12345.67, current_date,
                    'DASH-1', 'finance', current_timestamp from application where id = ?""").param(chenzhou).update();
        int xuzhou = jdbc.sql("select count(*) from application where programme_code = 'XUZHOU'").query(Integer.class).single();
        java.math.BigDecimal xuzhouPaid = jdbc.sql("select coalesce(sum(amount_yuan), 0) from funding_entry "
                + "where kind = 'DISBURSEMENT' and city_code = 'XUZHOU'").query(java.math.BigDecimal.class).single();
        java.math.BigDecimal allPaid = jdbc.sql("select coalesce(sum(amount_yuan), 0) from funding_entry where kind = 'DISBURSEMENT'")
                .query(java.math.BigDecimal.class).single();

        DashboardService.Totals xz = AsUser.call(identity, "office-xz", () -> dashboard.totals());
        assertThat(xz.applications()).isEqualTo(xuzhou);
        assertThat(xz.disbursed()).isEqualByComparingTo(xuzhouPaid);
        List<DashboardService.Row> rows = AsUser.call(identity, "office-xz", () -> dashboard.byStatus());
        assertThat(rows).extracting(DashboardService.Row::programme).containsOnly("徐州市科协学会服务能力提升计划");
        assertThat(rows.stream().mapToInt(DashboardService.Row::count).sum()).isEqualTo(xuzhou);
        assertThat(AsUser.call(identity, "office", () -> dashboard.totals()).disbursed()).isEqualByComparingTo(allPaid)
                .isGreaterThan(xz.disbursed());
    }

    @Test
    void noFiguresForRolesWithoutTheDashboard() {
        for (String user : List.of("cz-med", "expert1", "finance")) {
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> dashboard.totals())).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> dashboard.byStatus())).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void managersSeeItApplicantsDoNot() {
        var checker = new AccessAnnotationChecker();
        assertThat(checker.hasAccess(DashboardView.class, () -> "manager", Set.of("manager")::contains)).isTrue();
        assertThat(checker.hasAccess(DashboardView.class, () -> "cz-med", Set.of("applicant")::contains)).isFalse();
    }
}
