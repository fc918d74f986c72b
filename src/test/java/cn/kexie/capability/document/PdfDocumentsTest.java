package cn.kexie.capability.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDocuments;
import cn.kexie.capability.application.ApplicationDraft;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.approval.ApprovalService;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.funding.FundingService;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.publicity.NoticeService;
import cn.kexie.capability.publicity.PublicNotice;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.workflow.ChenzhouProject;
import cn.kexie.capability.workflow.ProjectProcess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The five PDF documents, made from a real Chenzhou season (and award applications of Lianyungang)
 * through the services their downloads call: each opened with PDFBox, its Chinese text read back
 * through the embedded font, and refused to whoever may not see the dossier or list it comes from
 * (another city's office {@code office-xz}, another applicant, an expert, anonymous).
 */
@PlatformTest
class PdfDocumentsTest {

    static final byte[] PDF = "%PDF-1.4\n% test document\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired ApplicationDocuments documents;
    @Autowired AttachmentService attachments;
    @Autowired ReviewService reviews;
    @Autowired ApprovalService approvals;
    @Autowired NoticeService notices;
    @Autowired FundingService funding;
    @Autowired ApplicationContext context;

    /** This run's own key, in every title, so that other tests' rows never match. */
    final String key = UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------ 申报书

    @Test
    void theApplicationFormLaysOutTheSeedsSectionsForItsReaders() {
        Application app = submit("cz-med", "ACADEMIC_EXCHANGE", "医学学术年会" + key);
        PdfText form = PdfText.of(AsUser.call(identity, "cz-med", () -> documents.applicationForm(app.id())))
                .assertEmbeddedChineseFont();
        assertThat(form.compact()).contains("郴州市科协学会服务能力提升计划", "项目申报书", "（" + app.callYear() + "年度）",
                "申报编号" + app.number(), "申报类别学术交流和重点活动", "项目名称医学学术年会" + key, "申报单位郴州市医学会",
                "项目负责人张伟（副秘书长）（签字）", "联系人李华", "联系电话0735-2881234",
                "项目起止日期" + Xhtml.date(PlatformClock.today()) + "至" + Xhtml.date(LocalDate.of(app.callYear(), 12, 30)),
                "申请资助金额50,000.00元", "自筹经费12,000.50元", "提交日期" + Xhtml.date(PlatformClock.today()),
                "一、项目目标提升学会学术交流能力，扩大行业影响。", "二、主要内容", "<b>论文集</b>&amp;\"专家\"", "三、进度安排",
                "四、预期成果与考核指标", "五、经费预算表", "1会务费30,000.00", "2资料印刷费20,000.00论文集", "合计50,000.00",
                "附件清单", "1申报书.pdf", "申报单位承诺", "申报单位（盖章）", "日期：年月日");
        assertThat(form.compact()).doesNotContain("草稿", "申报条件声明");
        assertThat(form.title()).isEqualTo("项目申报书 " + app.number());

        // the office of its city reads it too; the office of another city, another applicant, an expert
        // who is not on its panel and anonymous callers do not
        assertThat(PdfText.of(AsUser.call(identity, "office", () -> documents.applicationForm(app.id()))).compact())
                .contains("医学学术年会" + key);
        for (String user : List.of("office-xz", "cz-agri", "xz-mech", "expert1")) {
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> documents.applicationForm(app.id())))
                    .as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> documents.applicationForm(app.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aDraftIsMarkedAndShowsTheFactsItsCategoryAsksFor() {
        Call call = catalogue.call("XUZHOU", PlatformClock.today().getYear()).orElseThrow();
        Application app = AsUser.call(identity, "xz-mech", () -> applications.start(call.id(), "SERVICE_TECH", "机械装备服务" + key));
        ApplicationDraft draft = ApplicationDraft.of(app);
        draft.setAims("服务企业技术改造。");
        draft.setDeclared(Map.of("servicePoint", "徐工集团" + key, "hasServiceAgreement", true));
        AsUser.run(identity, "xz-mech", () -> applications.saveDraft(app.id(), app.version(), draft));

        PdfText form = PdfText.of(AsUser.call(identity, "xz-mech", () -> documents.applicationForm(app.id())))
                .assertEmbeddedChineseFont();
        assertThat(form.compact()).contains("草稿（尚未提交）", "提交日期尚未提交", "申报单位徐州市机械工程学会",
                "六、申报条件声明", "服务点（服务对象单位名称）徐工集团" + key, "与服务对象签有合作协议是",
                "二、主要内容—", "（未填写）", "七、附件清单", "（无）", "八、申报单位承诺");
        // Xuzhou's office reads its own city's drafts; Chenzhou's applicants do not
        assertThat(PdfText.of(AsUser.call(identity, "office-xz", () -> documents.applicationForm(app.id()))).compact())
                .contains("机械装备服务" + key);
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> documents.applicationForm(app.id())))
                .isInstanceOf(AccessDeniedException.class);
        // party group and finance see submitted applications only: a draft is not theirs to read
        assertThatThrownBy(() -> AsUser.run(identity, "finance", () -> documents.applicationForm(app.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    // ------------------------------------------------------------------ 评审汇总表

    @Test
    void theScoreSummaryShowsEachExpertsPointsByCriterionWithTheMeans() {
        Application app = submit("cz-univ", "SOCIAL_SERVICE", "成果转化服务" + key);
        reviewAndApprove(app);
        List<ReviewService.Criterion> criteria = AsUser.call(identity, "office", () -> reviews.criteria(app));
        PdfText sheet = PdfText.of(AsUser.call(identity, "office", () -> reviews.scoreSheet(app.id())))
                .assertEmbeddedChineseFont();
        String text = sheet.compact();
        assertThat(text).contains("专家评审汇总表", "申报编号" + app.number(), "项目名称成果转化服务" + key, "申报单位湘南学院科协",
                "评审指标满分" + name("expert1") + name("expert2") + name("expert4") + "平均分",
                // each expert's total, and the mean of the totals: the panel's score
                "合计100" + "85" + "90" + "78" + "84.33", "评审专家3人；专家组评分：84.33", "专家评审意见", "基础扎实，示范性强。",
                "专家组组长（签字）");
        // every criterion as a row: its label, its maximum, the three sheets' points and their mean
        for (ReviewService.Criterion c : criteria) {
            assertThat(text).contains(c.label().replaceAll("\\s+", "") + Xhtml.points(c.maxPoints()));
        }
        // the panel's deciding roles read it; never the applicant, an expert (not even one of the panel),
        // finance, another city's office, or anonymous callers
        for (String user : List.of("manager", "party", "leader")) {
            assertThat(PdfText.of(AsUser.call(identity, user, () -> reviews.scoreSheet(app.id()))).compact())
                    .as(user).contains("84.33");
        }
        for (String user : List.of("cz-univ", "expert1", "expert4", "finance", "office-xz", "county")) {
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> reviews.scoreSheet(app.id())))
                    .as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> reviews.scoreSheet(app.id())).isInstanceOf(AccessDeniedException.class);

        // before any expert has scored there is nothing to sum up
        Application fresh = submit("cz-yx", "DECISION_CONSULTING", "决策咨询课题" + key);
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> reviews.scoreSheet(fresh.id())))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems().get(0).key()).isEqualTo("review.error.noSheets"));
    }

    // ------------------------------------------------------------------ 公示

    @Test
    void theNoticeShowsWhatThePublicPageShowsWithItsPeriodAmountsAndContact() {
        Application project = submit("cz-med", "ACADEMIC_EXCHANGE", "医学年会公示" + key);
        reviewAndApprove(project);
        FormTasks forms = new FormTasks(context);
        long award = forms.application("LIANYUNGANG", "LYG-PHAR", "SERVICE_STATION", "UNDER_NOTICE");
        jdbc("update application set title = ? where id = ?", "药学科技服务站" + key, award);
        Date ends = Date.from(PlatformClock.now().plus(7, ChronoUnit.DAYS));
        notices.start(award, ends, null, null);

        List<PublicNotice> listed = notices.current();
        PublicNotice chenzhou = listed.stream().filter(n -> n.applicationNumber().equals(project.number())).findFirst().orElseThrow();
        PublicNotice lianyungang = listed.stream().filter(n -> n.applicationNumber().equals(forms.number(award))).findFirst().orElseThrow();
        assertThat(chenzhou.firstDay()).isEqualTo(PlatformClock.today());
        assertThat(chenzhou.amountYuan()).as("Chenzhou publishes no amounts").isNull();
        assertThat(lianyungang.amountYuan()).as("the award's amount from the call").isEqualByComparingTo("3000");

        // anonymous, as on the public page
        PdfText notice = PdfText.of(notices.noticeDocument()).assertEmbeddedChineseFont();
        String text = notice.compact();
        assertThat(text).contains("项目公示", "郴州市科协学会服务能力提升计划项目公示", "公示期为5个工作日",
                project.number() + "学术交流和重点活动郴州市医学会医学年会公示" + key
                        + Xhtml.date(chenzhou.firstDay()) + "至" + Xhtml.date(chenzhou.lastDay()),
                "在本平台“项目公示”页面在线提交，或向郴州市科学技术协会学会能力提升专项管理办公室（市科协学会部）书面反映",
                "郴州市科学技术协会" + Xhtml.date(PlatformClock.today()),
                "连云港市提升学会和企事业科协服务科技创新能力计划项目公示", "金额（元）",
                forms.number(award) + "优秀科技服务站连云港市药学会药学科技服务站" + key + "3,000.00",
                "连云港市科学技术协会");
        // only what the public page shows: nothing of the dossier behind it
        assertThat(text).doesNotContain("84.33", "会务费", "50,000.00", name("expert1"), "提升学会学术交流能力");
        assertThat(notice.title()).isEqualTo("项目公示");
    }

    // ------------------------------------------------------------------ 项目责任书

    @Test
    void theAgreementNamesBothPartiesTheAmountThePeriodTheTargetsAndTheMidtermDate() {
        Application app = submit("cz-med", "SOCIAL_SERVICE", "医疗技术推广服务" + key);
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> funding.agreement(app.id())))
                .as("no agreement before the notice ended")
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems().get(0).key()).isEqualTo("funding.error.noAgreement"));
        reviewAndApprove(app);
        endNotice(app);
        ClockUtil.reset();
        assertThat(applications.load(app.id()).status()).isEqualTo("AGREEMENT");

        PdfText agreement = PdfText.of(AsUser.call(identity, "cz-med", () -> funding.agreement(app.id())))
                .assertEmbeddedChineseFont();
        int year = app.callYear();
        assertThat(agreement.compact()).contains("郴州市科协学会服务能力提升计划", "项目责任书", "项目编号" + app.number(),
                "项目名称医疗技术推广服务" + key, "项目类别社会化服务",
                "甲方（项目管理方）郴州市科学技术协会项目管理：学会能力提升专项管理办公室（市科协学会部）",
                "乙方（项目承担单位）郴州市医学会联系人：李华联系电话：0735-2881234", "项目负责人张伟（副秘书长）",
                "核定金额人民币50,000.00元（大写：伍万元整）",
                "项目实施期限自本责任书签订之日起至" + year + "年12月30日止",
                "中期检查日期由甲方在确认本责任书时确定，并书面通知乙方",
                "一、项目目标提升学会学术交流能力，扩大行业影响。", "四、预期成果与考核指标参会200人以上，论文集一部。",
                "会务费30,000.00", "合计50,000.00", "专款专用", "甲方：郴州市科学技术协会负责人（签字）：", "甲方（盖章）",
                "乙方：郴州市医学会负责人（签字）：", "乙方（盖章）");

        // once the office confirmed the signed copy, the agreement carries the mid-term date it set
        AsUser.run(identity, "cz-med", () -> funding.signAgreement(task(app, ChenzhouProject.TASK_SIGN_AGREEMENT).getId(), "责任书.pdf", PDF));
        LocalDate midterm = PlatformClock.today().plusDays(90);
        AsUser.run(identity, "office", () -> funding.confirmAgreement(task(app, ChenzhouProject.TASK_CONFIRM_AGREEMENT).getId(),
                true, midterm, null));
        for (String user : List.of("office", "cz-med")) {
            assertThat(PdfText.of(AsUser.call(identity, user, () -> funding.agreement(app.id()))).compact())
                    .as(user).contains("中期检查日期" + Xhtml.date(midterm));
        }

        for (String user : List.of("office-xz", "cz-agri", "xz-mech", "expert5")) {
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> funding.agreement(app.id())))
                    .as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> funding.agreement(app.id())).isInstanceOf(AccessDeniedException.class);
    }

    // ------------------------------------------------------------------ 年度立项/获奖名单

    @Test
    void theResultListShowsTheCallsRecognisedProjectsAsTheListShowsThem() {
        Application established = submit("cz-med", "DECISION_CONSULTING", "医改调研" + key);
        reviewAndApprove(established);
        endNotice(established);
        ClockUtil.reset();
        Application stillInReview = submit("cz-yx", "DECISION_CONSULTING", "县域调研" + key);
        Call call = catalogue.call(established.callId()).orElseThrow();

        List<Application> results = AsUser.call(identity, "office", () -> documents.results(call.id()));
        assertThat(results).extracting(Application::number).contains(established.number()).doesNotContain(stillInReview.number());
        PdfText list = PdfText.of(AsUser.call(identity, "office", () -> documents.resultList(call.id())))
                .assertEmbeddedChineseFont();
        assertThat(list.compact()).contains(call.year() + "年度郴州市科协学会服务能力提升计划立项名单", "决策咨询和课题调研（",
                established.number() + "郴州市医学会医改调研" + key, "郴州市科学技术协会" + Xhtml.date(PlatformClock.today()));
        // Chenzhou publishes no amounts
        assertThat(list.compact()).doesNotContain("县域调研" + key, "金额（元）");
        for (String user : List.of("manager", "party", "leader", "finance")) {
            assertThat(PdfText.of(AsUser.call(identity, user, () -> documents.resultList(call.id()))).compact())
                    .as(user).contains("医改调研" + key);
        }
        // another city's office, applicants, experts, the county association and anonymous callers have no such list
        for (String user : List.of("office-xz", "cz-med", "expert1", "county")) {
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> documents.resultList(call.id())))
                    .as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> documents.resultList(call.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAwardListShowsTheAwardsAmounts() {
        FormTasks forms = new FormTasks(context);
        long awarded = forms.application("LIANYUNGANG", "LYG-CHEM", "CHIEF_EXPERT", "AWARDED");
        jdbc("update application set title = ? where id = ?", "首席专家" + key, awarded);
        long paid = forms.application("LIANYUNGANG", "LYG-PHAR", "DEMO_SOCIETY_AWARD", "AWARD_PAID");
        jdbc("update application set title = ? where id = ?", "示范学会" + key, paid);
        long notSelected = forms.application("LIANYUNGANG", "LYG-PHAR", "FUNCTION_DEMO", "NOT_SELECTED");
        jdbc("update application set title = ? where id = ?", "未入选" + key, notSelected);
        Call call = catalogue.call("LIANYUNGANG", PlatformClock.today().getYear()).orElseThrow();

        PdfText list = PdfText.of(AsUser.call(identity, "office", () -> documents.resultList(call.id())))
                .assertEmbeddedChineseFont();
        assertThat(list.compact()).contains("获奖名单", "综合示范学会奖（", "金额（元）",
                forms.number(paid) + "连云港市药学会示范学会" + key + "8,000.00",
                "首席专家（工程师）（", forms.number(awarded) + "连云港市化工学会首席专家" + key + "2,000.00",
                "金额合计", "连云港市科学技术协会");
        assertThat(list.compact()).doesNotContain("未入选" + key);
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> documents.resultList(call.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    // ------------------------------------------------------------------ steps

    private String name(String userId) {
        User u = identity.createUserQuery().userId(userId).singleResult();
        return ((u.getLastName() == null ? "" : u.getLastName()) + (u.getFirstName() == null ? "" : u.getFirstName())).trim();
    }

    private void jdbc(String sql, Object... params) {
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql(sql).params(params).update();
    }

    Application submit(String user, String category, String title) {
        Call call = catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow();
        Application app = AsUser.call(identity, user, () -> applications.start(call.id(), category, title));
        ApplicationDraft draft = new ApplicationDraft();
        // the cover's particulars, the period ending a day before the call's last day
        draft.setParticulars(new cn.kexie.capability.application.ProjectParticulars("张伟", "副秘书长", "李华", "0735-2881234",
                PlatformClock.today(), LocalDate.of(app.callYear(), 12, 30), new BigDecimal("12000.50")));
        draft.setTitle(app.title());
        draft.setAims("提升学会学术交流能力，扩大行业影响。");
        draft.setContent("举办年度学术会议一次、专题论坛三场，编印<b>论文集</b>&amp; \"专家\"。");
        draft.setSchedule("3月筹备，6月举办，9月总结。");
        draft.setExpectedResults("参会200人以上，论文集一部。");
        draft.setBudget(List.of(new Application.BudgetLine("会务费", new BigDecimal("30000"), null),
                new Application.BudgetLine("资料印刷费", new BigDecimal("20000"), "论文集")));
        AsUser.run(identity, user, () -> applications.saveDraft(app.id(), app.version(), draft));
        AsUser.run(identity, user, () -> attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, user));
        AsUser.run(identity, user, () -> applications.submit(app.id()));
        return applications.load(app.id());
    }

    void reviewAndApprove(Application app) {
        AsUser.run(identity, "office", () -> reviews.formalReview(task(app, ChenzhouProject.TASK_FORMAL_REVIEW).getId(),
                new ReviewService.FormalReview(Set.copyOf(cn.kexie.capability.TestSteps.FORMAL_CHECKS), ProjectProcess.PASS, null, null)));
        AsUser.run(identity, "office", () -> reviews.assignPanel(task(app, ChenzhouProject.TASK_ASSIGN_PANEL).getId(),
                List.of("expert1", "expert2", "expert4")));
        int[] totals = {85, 90, 78};
        String[] experts = {"expert1", "expert2", "expert4"};
        for (int i = 0; i < experts.length; i++) {
            String expert = experts[i];
            int total = totals[i];
            Task sheet = taskService.createTaskQuery().processInstanceId(app.processInstanceId())
                    .taskDefinitionKey(ChenzhouProject.TASK_EXPERT_REVIEW).taskAssignee(expert).singleResult();
            AsUser.run(identity, expert, () -> {
                List<ReviewService.Criterion> criteria = reviews.criteria(app);
                Map<String, BigDecimal> points = new HashMap<>();
                BigDecimal each = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(criteria.size()));
                criteria.forEach(c -> points.put(c.code(), each.min(c.maxPoints())));
                reviews.submitSheet(sheet.getId(), new ReviewService.Sheet(true, points, "基础扎实，示范性强。"));
            });
        }
        AsUser.run(identity, "office", () -> reviews.conclude(task(app, ChenzhouProject.TASK_CONCLUDE_REVIEW).getId(),
                ProjectProcess.PASS, null));
        AsUser.run(identity, "party", () -> approvals.decide(task(app, ChenzhouProject.TASK_PARTY_APPROVAL).getId(),
                new ApprovalService.Approval(true, PlatformClock.today(), "郴科协党组会议纪要〔2026〕5号", null)));
    }

    void endNotice(Application app) {
        Instant ends = applications.load(app.id()).noticeEndsAt();
        Job job = managementService.createJobQuery().processInstanceId(app.processInstanceId()).timers().singleResult();
        assertThat(job.getDuedate().toInstant()).isEqualTo(ends.truncatedTo(ChronoUnit.MILLIS));
        ClockUtil.setCurrentTime(Date.from(ends));
        managementService.executeJob(job.getId());
    }

    Task task(Application app, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(app.processInstanceId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task " + key + " of " + app.number()).isNotNull();
        return task;
    }
}
