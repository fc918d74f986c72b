package cn.kexie.capability.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public page says the notice period each programme configures (its catalogue's days; only
 * Xuzhou's seed fixes 5 working days, the others' are defaults), not a fixed "5个工作日".
 */
@PlatformTest
class NoticeDaysTest {

    @Autowired ApplicationContext context;
    @Autowired Messages messages;
    @Autowired JdbcClient jdbc;
    @Autowired NoticeService notices;

    @BeforeEach
    void chineseUi() {
        VaadinTestUi.open(messages);
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void thePageSaysTheConfiguredDaysOfEachProgrammeUnderNotice() {
        FormTasks forms = new FormTasks(context);
        long chenzhou = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "UNDER_NOTICE");
        forms.underNotice(chenzhou, PlatformClock.now().plus(Duration.ofDays(3)));
        long xuzhou = forms.application("XUZHOU", "XZ-MECH", "FIRST_CLASS", "UNDER_NOTICE");
        forms.underNotice(xuzhou, PlatformClock.now().plus(Duration.ofDays(3)));
        int before = jdbc.sql("select publicity_working_days from programme where code = 'CHENZHOU'").query(Integer.class).single();
        try {
            jdbc.sql("update programme set publicity_working_days = 7 where code = 'CHENZHOU'").update();

            PublicNoticeView view = new PublicNoticeView(notices);

            assertThat(view.intro.getText()).startsWith("公示期：").contains("郴州市科协学会服务能力提升计划 7个工作日")
                    .contains("5个工作日").doesNotContain("公示期为5个工作日");
        } finally {
            jdbc.sql("update programme set publicity_working_days = ? where code = 'CHENZHOU'").param(before).update();
        }
        PublicNoticeView same = new PublicNoticeView(notices);
        assertThat(same.intro.getText()).as("every programme shown gives %s days", before)
                .startsWith("公示期为" + before + "个工作日");
    }
}
