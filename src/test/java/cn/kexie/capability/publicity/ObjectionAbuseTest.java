package cn.kexie.capability.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public objection form under abuse (issue 9): a flood creates no work for the office beyond
 * the free limits, yet a real objector with a CAPTCHA (验证码) still gets through; contacts that reach
 * nobody, control characters and over-long input are refused with a message; and only the
 * programme office and administrators learn who objected. Every test has a project under notice of
 * its own, and new addresses and contacts, so that the limits of one test never meet another's.
 */
@PlatformTest
class ObjectionAbuseTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Messages messages;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NoticeService notices;
    @Autowired
    ObjectionForm objectionForm;
    @Autowired
    ApplicationService applications;

    FormTasks forms;
    long app;
    String number;
    ProcessInstance notice;

    @BeforeEach
    void projectUnderNotice() {
        VaadinTestUi.open(messages);
        forms = new FormTasks(context);
        app = forms.application("CZ-UNIV", "DECISION_CONSULTING", "UNDER_NOTICE");
        number = forms.number(app);
        forms.underNotice(app, PlatformClock.now().plus(Duration.ofDays(3)));
        notice = forms.start(FormTasks.NOTICE, app,
                Map.of(ProjectProcess.NOTICE_ENDS, Date.from(PlatformClock.now().plus(Duration.ofDays(3)))));
    }

    @AfterEach
    void noUiAndTheRealClock() {
        VaadinTestUi.close();
        ClockUtil.reset();
    }

    @Test
    void aFloodFromManyAddressesCreatesNoMoreThanTheFreeNumberOfTasksAndARealObjectorStillGetsThrough() {
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            refused(input("水军" + i, mobile(), "第" + i + "条：该项目存在严重问题，请立即撤销。"), address(), null)
                    .ifPresent(refusals::add);
        }
        int free = NoticeService.FREE_PER_NOTICE_PER_HOUR;
        assertThat(reviewTasks()).isEqualTo(free);
        assertThat(messagesToTheProcess()).isEqualTo(free);
        assertThat(objections()).isEqualTo(free);
        assertThat(refusals).hasSize(30 - free).containsOnly("近期提交的异议较多，请输入图中的验证码后再提交。");

        // a real objector with a new contact sees the picture at once and gets through with it
        VaadinTestUi.request(address(), null);
        PublicNoticeView view = new PublicNoticeView(notices);
        PublicNoticeView.ObjectionDialog dialog = view.openObjection(listed(view));
        assertThat(dialog.captcha.isVisible()).isTrue();
        dialog.name.setValue("王五");
        dialog.contact.setValue("wangwu." + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.cn");
        dialog.text.setValue("该学会申报的专家咨询活动实际由外单位承办，请核查。");
        dialog.captchaAnswer.setValue(answerOf(dialog.challengeId));
        dialog.submit.click();
        assertThat(dialog.problemsText()).isEmpty();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(reviewTasks()).isEqualTo(free + 1);
        assertThat(messagesToTheProcess()).isEqualTo(free + 1);
    }

    @Test
    void aFloodFromOneContactOpensOneCaseAndStopsAtTheDailyLimit() {
        String contact = mobile();
        // the same number written in other ways, from other addresses
        List<String> spellings = List.of(contact, "+86 " + contact.substring(0, 3) + " " + contact.substring(3, 7) + " "
                + contact.substring(7), "86-" + contact, contact, contact, contact);
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < spellings.size(); i++) {
            // from the third on a CAPTCHA is asked for; the flood answers it, as a person paid to would
            NoticeService.CaptchaAnswer answer = i >= NoticeService.FREE_PER_CONTACT_PER_DAY ? solved() : null;
            refused(input("赵六", spellings.get(i), "第" + i + "次补充：该项目的合作单位并不知情。"), address(), answer)
                    .ifPresent(refusals::add);
        }
        assertThat(refusals).containsExactly("同一联系方式24小时内最多可提交5次异议，请稍后再提交。");
        assertThat(reviewTasks()).isEqualTo(1);
        assertThat(messagesToTheProcess()).isEqualTo(1);
        assertThat(objections()).isEqualTo(NoticeService.MAX_PER_CONTACT_PER_DAY);

        // the office reads the later ones with the first, in its one task
        WorkItem task = forms.openTask(notice.getId(), Forms.OBJECTION, "office");
        AsUser.run(identity, "office", () -> {
            NoticeService.Objection objection = notices.objectionOfTask(task.id());
            assertThat(objection.text()).isEqualTo("第0次补充：该项目的合作单位并不知情。");
            assertThat(objection.additions()).extracting(NoticeService.Addition::text)
                    .containsExactly("第1次补充：该项目的合作单位并不知情。", "第2次补充：该项目的合作单位并不知情。",
                            "第3次补充：该项目的合作单位并不知情。", "第4次补充：该项目的合作单位并不知情。");
            ObjectionForm.Step form = (ObjectionForm.Step) objectionForm.create(task, () -> { });
            assertThat(form.additions.isVisible()).isTrue();
            assertThat(form.additions.getValue()).contains("赵六 86-" + contact, "第4次补充");
            // decided together: the contact may open a new case afterwards
            form.outcome.setValue(ProjectProcess.DISMISSED);
            form.note.setValue("经核查，合作协议真实有效。");
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(jdbc.sql("select distinct status from objection where application_id = ?").param(app)
                .query(String.class).list()).containsExactly("DISMISSED");

        // a real objector with a new contact is not held up by the flood of another: the notice has seen
        // five objections this hour, so the picture is asked for, and answered
        assertThat(refused(input("钱七", mobile(), "项目负责人同时在另一项目中申报了相同内容。"), address(), null))
                .contains("近期提交的异议较多，请输入图中的验证码后再提交。");
        assertThat(refused(input("钱七", mobile(), "项目负责人同时在另一项目中申报了相同内容。"), address(), solved())).isEmpty();
        assertThat(reviewTasks()).isEqualTo(1);
        assertThat(messagesToTheProcess()).isEqualTo(2);
    }

    @Test
    void aWrongReusedOrExpiredCaptchaIsRefusedInChineseAndKeepsNothing() {
        String address = address();
        for (int i = 0; i < NoticeService.FREE_PER_SOURCE_PER_HOUR; i++) {
            assertThat(refused(input("孙八", mobile(), "预算中的差旅费与活动安排不符。"), address, null)).isEmpty();
        }
        assertThat(notices.captchaNeeded(number, address)).isTrue();
        assertThat(notices.captchaNeeded(number, address())).isFalse();
        int before = objections();
        String wrongMessage = "验证码不正确或已失效，请输入新图片中的验证码。";

        // no answer, a wrong one
        assertThat(refused(input("周九", mobile(), "申报书中的专家名单未经本人同意。"), address, null))
                .contains("近期提交的异议较多，请输入图中的验证码后再提交。");
        NoticeService.CaptchaAnswer right = solved();
        String wrong = right.answer().charAt(0) == 'A' ? "C" + right.answer().substring(1) : "A" + right.answer().substring(1);
        assertThat(refused(input("周九", mobile(), "申报书中的专家名单未经本人同意。"), address,
                new NoticeService.CaptchaAnswer(right.challengeId(), wrong))).contains(wrongMessage);
        // a wrong answer uses the challenge up: its right answer no longer counts
        assertThat(refused(input("周九", mobile(), "申报书中的专家名单未经本人同意。"), address, right)).contains(wrongMessage);

        // right once, never twice
        NoticeService.CaptchaAnswer once = solved();
        assertThat(refused(input("周九", mobile(), "申报书中的专家名单未经本人同意。"), address, once)).isEmpty();
        assertThat(refused(input("吴十", mobile(), "申报书中的专家名单未经本人同意。"), address, once)).contains(wrongMessage);

        // a challenge lives ten minutes of the platform's clock
        NoticeService.CaptchaAnswer late = solved();
        ClockUtil.setCurrentTime(Date.from(PlatformClock.now().plus(Captchas.LIFETIME).plusSeconds(1)));
        assertThat(refused(input("郑十一", mobile(), "申报书中的专家名单未经本人同意。"), address, late)).contains(wrongMessage);
        // answers are read as people type them: lower case, full-width, with spaces
        NoticeService.CaptchaAnswer typed = solved();
        String fullWidth = typed.answer().toLowerCase(Locale.ROOT).chars()
                .mapToObj(c -> String.valueOf((char) (c + 0xFEE0))).reduce("", (a, b) -> a + " " + b);
        assertThat(refused(input("郑十一", mobile(), "申报书中的专家名单未经本人同意。"), address,
                new NoticeService.CaptchaAnswer(typed.challengeId(), fullWidth))).isEmpty();

        assertThat(objections()).isEqualTo(before + 2);
        assertThat(reviewTasks()).isEqualTo(before + 2);
        // and the English page says it in English
        VaadinTestUi.close();
        VaadinTestUi.open(messages, Locale.ENGLISH);
        assertThat(refused(input("Zheng", mobile(), "The list of experts was never agreed by them."), address,
                new NoticeService.CaptchaAnswer(solved().challengeId(), "?????")))
                .contains("The characters entered do not match, or the picture has expired: enter those of the new picture.");
    }

    @Test
    void aRefusedAnswerInTheDialogBringsANewPicture() {
        String address = address();
        for (int i = 0; i < NoticeService.FREE_PER_SOURCE_PER_HOUR; i++) {
            assertThat(refused(input("孙八", mobile(), "预算中的差旅费与活动安排不符。"), address, null)).isEmpty();
        }
        VaadinTestUi.request(address, null);
        PublicNoticeView view = new PublicNoticeView(notices);
        PublicNoticeView.ObjectionDialog dialog = view.openObjection(listed(view));
        assertThat(dialog.captcha.isVisible()).isTrue();
        String first = dialog.challengeId;
        String firstPicture = dialog.captchaImage.getSrc();
        dialog.name.setValue("陈十二");
        dialog.contact.setValue(mobile());
        dialog.text.setValue("该项目的调研报告抄袭了已发表的论文。");
        dialog.captchaAnswer.setValue("WRONG");
        dialog.submit.click();
        assertThat(dialog.problemsText()).isEqualTo("验证码不正确或已失效，请输入新图片中的验证码。");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.challengeId).isNotEqualTo(first);
        assertThat(dialog.captchaImage.getSrc()).isNotEqualTo(firstPicture);
        assertThat(dialog.captchaAnswer.getValue()).isEmpty();

        // a person who cannot read it asks for another
        String second = dialog.challengeId;
        dialog.newCaptcha.click();
        assertThat(dialog.challengeId).isNotEqualTo(second);
        dialog.captchaAnswer.setValue(answerOf(dialog.challengeId));
        dialog.submit.click();
        assertThat(dialog.problemsText()).isEmpty();
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void controlCharactersAndOverlongInputAreRefusedWithAMessageNeverAnError() {
        VaadinTestUi.request(address(), null);
        PublicNoticeView view = new PublicNoticeView(notices);
        PublicNoticeView.ObjectionDialog dialog = view.openObjection(listed(view));
        dialog.name.setValue("张\u0000三");
        dialog.contact.setValue("138\u00001234\u00005678");
        dialog.text.setValue("该单位的\u0000活动记录\u001b[2J系伪造。");
        dialog.submit.click();
        // refused where every service's input is checked, each field named with the character and its place
        assertThat(dialog.problemsText().lines()).hasSize(3);
        assertThat(dialog.problemsText()).contains("“姓名”含有不允许的控制字符（U+0000，第 2 个字符）",
                "含有不允许的控制字符（U+0000，第 4 个字符）", "“异议内容”含有不允许的控制字符（U+0000，第 5 个字符）");
        assertThat(objections()).isZero();

        dialog.name.setValue("张".repeat(NoticeService.MAX_NAME + 1));
        dialog.contact.setValue("a".repeat(ObjectionRules.MAX_CONTACT) + "@example.cn");
        dialog.text.setValue("长".repeat(NoticeService.MAX_TEXT + 1));
        dialog.submit.click();
        assertThat(dialog.problemsText()).isEqualTo(String.join("\n", "请填写姓名（不超过100字）。",
                "联系方式须为以下之一：手机号码（11位，如 13812345678，可加 +86）、固定电话（区号加号码，如 0735-2881234，可带分机号）"
                        + "或电子邮箱（如 name@example.cn）。",
                "异议内容须为10至4000字。"));
        assertThat(objections()).isZero();

        // the same in a right-to-left override, and a name of marks only
        dialog.name.setValue("---");
        dialog.contact.setValue(mobile());
        dialog.text.setValue("\u202e。实不料材报申");
        dialog.submit.click();
        // a direction override is refused where every service's input is checked, as a control character
        assertThat(dialog.problemsText()).contains("“异议内容”含有不允许的控制字符（U+202E，第 1 个字符）");
        assertThat(objections()).isZero();

        // line breaks and tabs in the text are fine, and the contact is kept as typed in half-width forms
        dialog.name.setValue("张三");
        dialog.contact.setValue("（０７３５）２８８１２３４");
        dialog.text.setValue("一、活动未举办；\r\n二、\t签到表系补签。");
        dialog.submit.click();
        assertThat(dialog.problemsText()).isEmpty();
        assertThat(jdbc.sql("select contact from objection where application_id = ?").param(app).query(String.class).single())
                .isEqualTo("(0735)2881234");
        assertThat(jdbc.sql("select objection_text from objection where application_id = ?").param(app).query(String.class).single())
                .isEqualTo("一、活动未举办；\n二、\t签到表系补签。");
    }

    @Test
    void onlyTheOfficeAndAdministratorsLearnWhoObjected() {
        String contact = mobile();
        assertThat(refused(input("冯十三", contact, "该学会的年检结论系伪造，请向民政部门核实。"), address(), null)).isEmpty();
        WorkItem task = forms.openTask(notice.getId(), Forms.OBJECTION, "office");

        // nobody else can come to hold the task, nor read it through the platform or the dossier's history
        for (String user : List.of("expert1", "party", "leader", "county", "finance", "manager", "cz-univ", "demo")) {
            assertThatThrownBy(() -> taskService.setAssignee(task.id(), user)).as(user).hasMessageContaining("候选人");
            AsUser.run(identity, user, () -> {
                assertThatThrownBy(() -> notices.objectionOfTask(task.id())).as(user)
                        .isInstanceOfAny(org.springframework.security.access.AccessDeniedException.class,
                                cn.kexie.capability.common.UserError.class);
                // the dossier's history: refused to those who may not read the dossier, and without the objector for the rest
                try {
                    assertThat(applications.events(app)).as(user).allSatisfy(event -> assertThat(String.valueOf(event))
                            .doesNotContain(contact).doesNotContain("冯十三"));
                } catch (org.springframework.security.access.AccessDeniedException notTheirs) {
                    // not theirs to read at all
                }
            });
        }
        taskService.claim(task.id(), "office");
        NoticeService.Objection objection = AsUser.call(identity, "office", () -> notices.objectionOfTask(task.id()));
        assertThat(objection.objectorShown()).isTrue();
        assertThat(objection.name()).isEqualTo("冯十三");
        assertThat(objection.contact()).isEqualTo(contact);
        AsUser.run(identity, "office", () -> {
            ObjectionForm.Step form = (ObjectionForm.Step) objectionForm.create(task, () -> { });
            assertThat(form.contact.getValue()).isEqualTo(contact);
        });
        // and the public page (and its PDF) never lists more than the projects: their notice period and,
        // where the programme publishes it, their amount
        assertThat(PublicNotice.class.getRecordComponents()).extracting(c -> c.getName())
                .containsExactly("applicationNumber", "programmeCode", "programmeName", "categoryName", "organisationName",
                        "title", "firstDay", "lastDay", "amountYuan");
    }

    @Test
    void theSenderOfAnIpv6AddressIsItsNetwork() {
        assertThat(NoticeService.sourceKey("2001:db8:1:2::1")).isEqualTo(NoticeService.sourceKey("2001:db8:1:2:ffff:ee:dd:9"))
                .isEqualTo("20010db800010002::/64");
        assertThat(NoticeService.sourceKey("2001:db8:1:3::1")).isNotEqualTo(NoticeService.sourceKey("2001:db8:1:2::1"));
        assertThat(NoticeService.sourceKey("[2001:db8:1:2::1%eth0]")).isEqualTo("20010db800010002::/64");
        assertThat(NoticeService.sourceKey("198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(NoticeService.sourceKey("::ffff:198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(NoticeService.sourceKey(null)).isEqualTo("unknown");
    }

    private NoticeService.ObjectionInput input(String name, String contact, String text) {
        return new NoticeService.ObjectionInput(number, name, contact, text);
    }

    /** The message shown when the objection is refused, in the UI's language; empty when it is lodged. */
    private java.util.Optional<String> refused(NoticeService.ObjectionInput input, String source,
            NoticeService.CaptchaAnswer captcha) {
        try {
            notices.lodge(input, source, captcha);
            return java.util.Optional.empty();
        } catch (UserError error) {
            return java.util.Optional.of(Messages.describe(com.vaadin.flow.component.UI.getCurrent().getLocale(), error));
        }
    }

    /** A new CAPTCHA, answered as a person would read it off the picture. */
    private NoticeService.CaptchaAnswer solved() {
        String id = notices.newCaptcha().id();
        return new NoticeService.CaptchaAnswer(id, answerOf(id));
    }

    private String answerOf(String challengeId) {
        return jdbc.sql("select answer from objection_captcha where id = ?").param(challengeId).query(String.class).single();
    }

    private PublicNotice listed(PublicNoticeView view) {
        return view.grid.getGenericDataView().getItems().filter(n -> n.applicationNumber().equals(number)).findFirst()
                .orElseThrow();
    }

    /** Open tasks of the office for objections to this project. */
    private long reviewTasks() {
        return taskService.createTaskQuery().processInstanceId(notice.getId())
                .taskDefinitionKey(ChenzhouProject.TASK_REVIEW_OBJECTION).count();
    }

    /** ObjectionLodged messages the project's process received. */
    private long messagesToTheProcess() {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(notice.getId())
                .activityId(ChenzhouProject.START_EVENT_OBJECTION_LODGED).count();
    }

    private int objections() {
        return jdbc.sql("select count(*) from objection where application_id = ?").param(app).query(Integer.class).single();
    }

    private static String mobile() {
        return "15" + ThreadLocalRandom.current().nextInt(3, 10) + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    /** An address of the benchmarking range 198.18.0.0/15, which no other test uses. */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + random.nextInt(18, 20) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }
}
