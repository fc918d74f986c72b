package cn.kexie.capability.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public notice page without a login: the projects under notice, objections lodged through its
 * dialog (checked, and a CAPTCHA asked for when one address sends many), and the office's form that
 * decides an objection.
 * Each test sends from an address of its own (documentation ranges), so the rate limit of one test
 * never meets another's.
 */
@PlatformTest
class PublicNoticeViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Messages messages;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NoticeService notices;
    @Autowired
    ObjectionForm objectionForm;

    FormTasks forms;
    long app;
    ProcessInstance notice;

    @BeforeEach
    void projectUnderNotice() {
        VaadinTestUi.open(messages);
        forms = new FormTasks(context);
        app = forms.application("CZ-UNIV", "DECISION_CONSULTING", "UNDER_NOTICE");
        forms.underNotice(app, PlatformClock.now().plus(Duration.ofDays(3)));
        notice = forms.start(FormTasks.NOTICE, app,
                Map.of(ProjectProcess.NOTICE_ENDS, Date.from(PlatformClock.now().plus(Duration.ofDays(3)))));
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void listsTheProjectsUnderNoticeWithTheirLastDay() {
        PublicNoticeView view = new PublicNoticeView(notices);
        PublicNotice shown = mine(view);
        assertThat(shown.programmeName()).isEqualTo("郴州市科协学会服务能力提升计划");
        assertThat(shown.categoryName()).isEqualTo("决策咨询和课题调研");
        assertThat(shown.organisationName()).isEqualTo("湘南学院科协");
        assertThat(shown.lastDay()).isAfterOrEqualTo(PlatformClock.today().plusDays(2));
        assertThat(view.grid.getColumns().get(6).getHeaderText()).isEqualTo("公示截止日");
        assertThat(view.getPageTitle()).isEqualTo("项目公示 | 学会服务能力提升计划");
        assertThat(VaadinTestUi.find(view, com.vaadin.flow.component.html.Paragraph.class,
                p -> p.getId().filter("public-notice-intro"::equals).isPresent()).orElseThrow().getText())
                .isEqualTo("公示期为5个工作日（以各项目公示截止日为准），对公示项目有异议的，可在公示期内实名提出。");
        assertThat(VaadinTestUi.find(view, com.vaadin.flow.component.html.Anchor.class, a -> true).orElseThrow()
                .getHref()).isEqualTo("login");
    }

    @Test
    void theNoticeAsPublishedDownloadsAsAPdfWithoutALogin() {
        PublicNoticeView view = new PublicNoticeView(notices);
        assertThat(view.noticePdf.isVisible()).isTrue();
        assertThat(view.noticePdf.getText()).isEqualTo("下载公示（PDF）");
        assertThat(view.noticePdf.resource().getName()).isEqualTo("项目公示.pdf");
        // no one is logged in: the page's own download
        String text = cn.kexie.capability.document.PdfText.of(cn.kexie.capability.document.PdfText.download(view.noticePdf.resource()))
                .assertEmbeddedChineseFont().compact();
        assertThat(text).contains("项目公示", forms.number(app) + "决策咨询和课题调研湘南学院科协", "公示期");
        // the amount column only when a programme on the page publishes amounts; Chenzhou does not
        assertThat(mine(view).amountYuan()).isNull();
    }

    @Test
    void anObjectionWithoutContactIsRefusedAndAValidOneBecomesATaskOfTheOffice() {
        String mail = "zhangsan-" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.cn";
        VaadinTestUi.request(address(), null);
        PublicNoticeView view = new PublicNoticeView(notices);
        PublicNoticeView.ObjectionDialog dialog = view.openObjection(mine(view));
        assertThat(dialog.isOpened()).isTrue();
        dialog.name.setValue("张三");
        dialog.text.setValue("该单位申报材料中列举的活动并未实际举办，请核查。");
        dialog.submit.click();
        assertThat(dialog.problemsText()).isEqualTo(CONTACT_RULE);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(objections()).isZero();

        // digits that reach nobody are no contact either
        for (String nobody : List.of("12345", "- - -", "138 1234 567", "0735-123")) {
            dialog.contact.setValue(nobody);
            dialog.submit.click();
            assertThat(dialog.problemsText()).as(nobody).isEqualTo(CONTACT_RULE);
        }
        assertThat(objections()).isZero();

        dialog.contact.setValue(mail);
        dialog.submit.click();
        assertThat(dialog.problemsText()).isEmpty();
        assertThat(dialog.isOpened()).isFalse();
        // with the objection's receipt number, for looking up the outcome (issue 12)
        assertThat(view.confirmation.getText()).isEqualTo("已收到您的异议，市科协学会部将核查处理。回执号："
                + jdbc.sql("select receipt_no from objection where application_id = ?").param(app).query(String.class).single()
                + "。请记下回执号，可凭回执号和您填写的联系方式在本页下方查询处理结果。");
        assertThat(objections()).isEqualTo(1);

        // the office decides it in its form: the objection as lodged, then a finding with a note
        WorkItem task = forms.openTask(notice.getId(), Forms.OBJECTION, "office");
        AtomicInteger done = new AtomicInteger();
        AsUser.run(identity, "office", () -> {
            ObjectionForm.Step form = (ObjectionForm.Step) objectionForm.create(task, done::incrementAndGet);
            assertThat(form.text.getValue()).isEqualTo("该单位申报材料中列举的活动并未实际举办，请核查。");
            assertThat(form.name.getValue()).isEqualTo("张三");
            assertThat(form.contact.getValue()).isEqualTo(mail);
            assertThat(form.lodgedAt.getValue()).startsWith(PlatformClock.today().toString());
            assertThat(form.receipt.getValue()).as("the receipt the objector was given")
                    .isEqualTo(jdbc.sql("select receipt_no from objection where application_id = ?").param(app).query(String.class).single())
                    .startsWith("YY");
            assertThat(form.outcome.getItemLabelGenerator().apply(ProjectProcess.UPHELD_BACK_TO_REVIEW))
                    .isEqualTo("异议成立，退回重新评审");

            form.outcome.setValue(ProjectProcess.DISMISSED);
            form.submitButton().click();
            assertThat(form.problemsText()).contains("请填写核查意见（不超过4000字）。");
            assertThat(forms.isOpen(task.id())).isTrue();

            form.note.setValue("经核查，相关活动有签到表和照片为证，异议不成立。");
            form.submitButton().click();
            assertThat(form.problemsText()).isEmpty();
        });
        assertThat(done).hasValue(1);
        assertThat(jdbc.sql("select status from objection where application_id = ?").param(app).query(String.class).single())
                .isEqualTo("DISMISSED");
    }

    @Test
    void theThirdObjectionFromOneAddressWithinAnHourAsksForACaptchaInsteadOfBeingRefused() {
        String address = address();
        VaadinTestUi.request(address, null);
        PublicNoticeView view = new PublicNoticeView(notices);
        for (int i = 1; i <= 2; i++) {
            PublicNoticeView.ObjectionDialog dialog = lodge(view, i);
            assertThat(dialog.problemsText()).as("objection %d", i).isEmpty();
        }
        // the dialog shows the picture at once; a person reads it and gets through
        PublicNoticeView.ObjectionDialog third = view.openObjection(mine(view));
        assertThat(third.captcha.isVisible()).isTrue();
        assertThat(third.captchaImage.getSrc()).startsWith("data:image/png;base64,");
        fill(third, 3);
        third.captchaAnswer.setValue(answerOf(third.challengeId).toLowerCase(java.util.Locale.ROOT));
        third.submit.click();
        assertThat(third.problemsText()).isEmpty();
        assertThat(objections()).isEqualTo(3);

        // the limit is the sender's, not the page's: another address needs no picture
        VaadinTestUi.request(address(), null);
        PublicNoticeView.ObjectionDialog other = view.openObjection(mine(view));
        assertThat(other.captcha.isVisible()).isFalse();
        fill(other, 4);
        other.submit.click();
        assertThat(other.problemsText()).isEmpty();
        assertThat(objections()).isEqualTo(4);
    }

    @Test
    void anObjectionAfterTheNoticeEndedIsRefused() {
        VaadinTestUi.request(address(), null);
        PublicNoticeView view = new PublicNoticeView(notices);
        PublicNotice listed = mine(view);
        forms.underNotice(app, PlatformClock.now().minus(Duration.ofMinutes(1)));
        PublicNoticeView.ObjectionDialog dialog = view.openObjection(listed);
        dialog.name.setValue("王五");
        dialog.contact.setValue(mobile());
        dialog.text.setValue("公示期内未能看到完整的项目预算，请说明。");
        dialog.submit.click();
        assertThat(dialog.problemsText()).isEqualTo("该项目不在公示期内，无法提出异议。");
        assertThat(objections()).isZero();
        assertThat(new PublicNoticeView(notices).grid.getGenericDataView().getItems()
                .map(PublicNotice::applicationNumber)).doesNotContain(forms.number(app));
    }

    @Test
    void thePageSpeaksEnglishToThoseWhoChoseIt() {
        VaadinTestUi.close();
        VaadinTestUi.open(messages, java.util.Locale.ENGLISH);
        PublicNoticeView view = new PublicNoticeView(notices);
        assertThat(view.getPageTitle()).isEqualTo("Public notice | Society capability-improvement programme");
        assertThat(view.grid.getColumns().get(6).getHeaderText()).isEqualTo("Last day of notice");
        VaadinTestUi.request(address(), null);
        PublicNoticeView.ObjectionDialog dialog = view.openObjection(mine(view));
        dialog.submit.click();
        assertThat(dialog.problemsText()).contains("Enter your name", "Enter a mainland mobile number (11 digits, e.g. "
                + "13812345678, +86 allowed), a landline with its area code (e.g. 0735-2881234, an extension allowed) or "
                + "an e-mail address (e.g. name@example.cn).");
    }

    @Test
    void theSenderIsTheConnectionNeverAHeaderTheClientSends() {
        // a client cannot dodge the rate limit by sending its own X-Forwarded-For
        assertThat(PublicNoticeView.sourceOf(VaadinTestUi.request("10.0.0.8", "203.0.113.9, 10.0.0.1"))).isEqualTo("10.0.0.8");
        assertThat(PublicNoticeView.sourceOf(VaadinTestUi.request("198.51.100.4", null))).isEqualTo("198.51.100.4");
        assertThat(PublicNoticeView.sourceOf(VaadinTestUi.request("198.51.100.4", " "))).isEqualTo("198.51.100.4");
    }

    /** An objection of a new contact each time. */
    private PublicNoticeView.ObjectionDialog lodge(PublicNoticeView view, int i) {
        PublicNoticeView.ObjectionDialog dialog = view.openObjection(mine(view));
        fill(dialog, i);
        dialog.submit.click();
        return dialog;
    }

    private void fill(PublicNoticeView.ObjectionDialog dialog, int i) {
        dialog.name.setValue("李四");
        dialog.contact.setValue("0735-" + ThreadLocalRandom.current().nextInt(2_000_000, 10_000_000));
        dialog.text.setValue("第" + i + "条异议：项目预算中的会议费明显偏高。");
    }

    /** What a person reads off the CAPTCHA's picture. */
    private String answerOf(String challengeId) {
        return jdbc.sql("select answer from objection_captcha where id = ?").param(challengeId).query(String.class).single();
    }

    private static String mobile() {
        return "139" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    private PublicNotice mine(PublicNoticeView view) {
        List<PublicNotice> shown = view.grid.getGenericDataView().getItems().toList();
        String number = forms.number(app);
        return shown.stream().filter(n -> n.applicationNumber().equals(number)).findFirst()
                .orElseThrow(() -> new AssertionError(number + " is not listed: " + shown));
    }

    private int objections() {
        return jdbc.sql("select count(*) from objection where application_id = ?").param(app).query(Integer.class).single();
    }

    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    private static final String CONTACT_RULE = "联系方式须为以下之一：手机号码（11位，如 13812345678，可加 +86）、固定电话（区号加号码，"
            + "如 0735-2881234，可带分机号）或电子邮箱（如 name@example.cn）。";
}
