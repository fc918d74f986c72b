package cn.kexie.capability.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.PlatformTest;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlatformTest
class DashboardTest {

    @Autowired
    DashboardService dashboard;

    @Autowired
    JdbcClient jdbc;

    @Test
    void figuresAddUpToTheApplicationsInTheDatabase() {
        int applications = jdbc.sql("select count(*) from application").query(Integer.class).single();
        assertThat(dashboard.totals().applications()).isEqualTo(applications);
        assertThat(dashboard.byStatus().stream().mapToInt(DashboardService.Row::count).sum()).isEqualTo(applications);
        assertThat(dashboard.totals().open()).isBetween(0, applications);
    }

    @Test
    void managersSeeItApplicantsDoNot() {
        var checker = new AccessAnnotationChecker();
        assertThat(checker.hasAccess(DashboardView.class, () -> "manager", Set.of("manager")::contains)).isTrue();
        assertThat(checker.hasAccess(DashboardView.class, () -> "cz-med", Set.of("applicant")::contains)).isFalse();
    }
}
