package cn.kexie.capability.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.Objectors;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationDraft;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.Attachment;
import cn.kexie.capability.application.AttachmentService;
import cn.kexie.capability.approval.ApprovalService;
import cn.kexie.capability.calendar.CalendarInputs;
import cn.kexie.capability.common.InputHygiene;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.funding.FundingService;
import cn.kexie.capability.implementation.ImplementationService;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.organisation.OrganisationType;
import cn.kexie.capability.programme.CallCategory;
import cn.kexie.capability.programme.CallQuota;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.publicity.NoticeService;
import cn.kexie.capability.review.ReviewService;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.ProjectProcess.Forms;
import cn.kexie.capability.workflow.WorkItem;
import cn.kexie.capability.worklog.WorkRecordInputs;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile input, table-driven, against the real services on real tasks (and the endpoints over HTTP):
 * control characters, line breaks where one line is allowed, texts far too long, script tags and SQL,
 * numbers and dates far out of range, file names that climb directories or hide their type, and
 * malformed requests. Every case either is refused with a message (a {@link UserError} whose keys the
 * texts know, in Chinese and English, with nothing saved), or answered 4xx with a body that shows no
 * SQL and no stack trace, or is accepted harmlessly (the text stored exactly as sent, never run).
 */
@PlatformTest
class HostileInputTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
    static final byte[] ZIP = {'P', 'K', 3, 4, 20, 0, 0, 0};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
    /** Words around every hostile piece, so that minimum lengths are met. */
    static final String BEFORE = "核查说明第一段";
    static final String AFTER = "第二段结束。";
    /** What a refused answer of an endpoint must never show. */
    static final List<String> LEAKS = List.of("SQL", "PSQLException", "JdbcSQL", "invalid byte sequence",
            "Exception while executing", "ENGINE-03", "at org.", "at cn.", "at java.", "Caused by", "java.lang.",
            "org.apache.ibatis", "stackTrace");

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired ReviewService reviews;
    @Autowired ApprovalService approvals;
    @Autowired NoticeService notices;
    @Autowired FundingService funding;
    @Autowired ImplementationService implementation;
    @Autowired OrganisationService organisations;
    @Autowired ProgrammeCatalogue catalogue;
    @LocalServerPort int port;

    FormTasks forms;
    WorkRecordInputs workRecords;
    CalendarInputs calendar;
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @BeforeEach
    void helpers() {
        forms = new FormTasks(context);
        workRecords = new WorkRecordInputs(context);
        calendar = new CalendarInputs(context);
    }

    // ================================================================ the tables

    /**
     * What a hostile text is expected to meet. {@code INVISIBLE} (direction overrides and isolates, with
     * zero-width characters) is refused everywhere as a control character, by the check every service's
     * input meets before the public objection form's own rules (which refuse zero-width characters too).
     */
    enum Kind { CONTROL, BREAK, HARMLESS, INVISIBLE, TOO_LONG }

    /** A hostile piece of text; {@code TOO_LONG} pieces are made to each field's length. */
    record Hostile(String label, String piece, Kind kind) {
    }

    static final List<Hostile> HOSTILE_TEXTS = List.of(
            new Hostile("NUL", "\u0000", Kind.CONTROL),
            new Hostile("NUL at the start", "\u0000" + "起", Kind.CONTROL),
            new Hostile("SOH", "\u0001", Kind.CONTROL),
            new Hostile("BEL", "\u0007", Kind.CONTROL),
            new Hostile("backspace", "\b\b\b", Kind.CONTROL),
            new Hostile("vertical tab", "\u000B", Kind.CONTROL),
            new Hostile("form feed", "\f", Kind.CONTROL),
            new Hostile("ESC sequence", "\u001B[2J\u001B[31m", Kind.CONTROL),
            new Hostile("unit separator", "\u001F", Kind.CONTROL),
            new Hostile("DEL", "\u007F", Kind.CONTROL),
            new Hostile("C1 NEL", "\u0085", Kind.CONTROL),
            new Hostile("C1 CSI", "\u009B31m", Kind.CONTROL),
            new Hostile("lone high surrogate", "\uD800", Kind.CONTROL),
            new Hostile("lone low surrogate", "\uDC00", Kind.CONTROL),
            new Hostile("line feed", "\n", Kind.BREAK),
            new Hostile("CR LF", "\r\n", Kind.BREAK),
            new Hostile("tab", "\t", Kind.BREAK),
            new Hostile("script tag", "<script>alert('x')</script>", Kind.HARMLESS),
            new Hostile("img onerror", "<img src=x onerror=alert(1)>", Kind.HARMLESS),
            new Hostile("SQL quote", "'; DROP TABLE application; --", Kind.HARMLESS),
            new Hostile("SQL union", "\" OR 1=1 UNION SELECT pwd_ FROM act_id_user --", Kind.HARMLESS),
            new Hostile("emoji and rare CJK", "😀𠀀𪚥", Kind.HARMLESS),
            new Hostile("bidi override and zero width", "\u202E\u200B\uFEFF", Kind.INVISIBLE),
            new Hostile("right-to-left isolate", "\u2067gpj.exe\u2069", Kind.INVISIBLE),
            new Hostile("expression and format", "${7*7} #{7*7} {{7*7}} %s%n {0}", Kind.HARMLESS),
            new Hostile("one more than allowed", "", Kind.TOO_LONG),
            new Hostile("a million characters", "", Kind.TOO_LONG));

    /** One submission of a value in a field, on a task of its own. */
    record Attempt(Runnable submit, Supplier<String> stored, BooleanSupplier untouched) {
    }

    /**
     * A text field of a form: its label as the refusal names it, whether it takes one line only, its
     * longest value and the key that refuses a longer one, how to submit a value in it, and for the
     * public objection form, which is stricter: the key that refuses invisible formatting characters
     * (elsewhere harmless text) and how it stores a text it accepts (elsewhere exactly as sent).
     */
    record Field(String form, String name, String label, boolean oneLine, int max, String lengthKey,
            Function<String, Attempt> attempt, String invisibleKey, UnaryOperator<String> storedAs) {

        Field(String form, String name, String label, boolean oneLine, int max, String lengthKey,
                Function<String, Attempt> attempt) {
            this(form, name, label, oneLine, max, lengthKey, attempt, null, UnaryOperator.identity());
        }
    }

    List<Field> textFields() {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("形式审查", "reasons", "理由", false, 4000, "review.error.reasonsLength", value -> {
            long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
            WorkItem task = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());
            return new Attempt(() -> as("office", () -> reviews.formalReview(task.id(), new ReviewService.FormalReview(
                    Set.of("conditions"), ProjectProcess.RETURN, value, 5))), () -> lastComment(app), untouched(task, app));
        }));
        fields.add(new Field("评审结论", "comment", "意见", false, 4000, "review.error.reasonsLength", value -> {
            long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "REVIEWED");
            WorkItem task = forms.task(Forms.REVIEW_CONCLUSION, app, "office", Map.of());
            return new Attempt(() -> as("office", () -> reviews.conclude(task.id(), ProjectProcess.PASS, value)),
                    () -> lastComment(app), untouched(task, app));
        }));
        fields.add(new Field("专家评分", "comment", "意见", false, 4000, "review.error.comment", value -> {
            long app = forms.application("CZ-AGRI", "SOCIAL_SERVICE", "EXPERT_REVIEW");
            WorkItem task = forms.task(Forms.EXPERT_SCORE, app, "expert1", Map.of(ProjectProcess.EXPERT, "expert1"));
            return new Attempt(() -> as("expert1", () -> reviews.submitSheet(task.id(),
                    new ReviewService.Sheet(true, points(10), value))),
                    () -> jdbc.sql("select comment from review_sheet where application_id = ?").param(app).query(String.class)
                            .optional().orElse(null),
                    () -> forms.isOpen(task.id()) && count("select count(*) from review_sheet where application_id = ?", app) == 0);
        }));
        fields.add(new Field("党组审批", "minutesReference", "会议纪要文号", true, 100, "approval.error.minutes", value -> {
            long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "REVIEWED");
            WorkItem task = forms.task(Forms.APPROVAL, app, "party", Map.of());
            return new Attempt(() -> as("party", () -> approvals.decide(task.id(), new ApprovalService.Approval(true,
                    PlatformClock.today().minusDays(1), value, "同意立项"))), () -> lastData(app, "minutes"), untouched(task, app));
        }));
        fields.add(new Field("党组审批", "comment", "意见", false, 4000, "approval.error.commentLength", value -> {
            long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "REVIEWED");
            WorkItem task = forms.task(Forms.APPROVAL, app, "party", Map.of());
            return new Attempt(() -> as("party", () -> approvals.decide(task.id(), new ApprovalService.Approval(false,
                    PlatformClock.today().minusDays(1), "党组〔2026〕3号", value))), () -> lastComment(app), untouched(task, app));
        }));
        fields.add(new Field("异议核查", "note", "说明", false, 4000, "notice.error.decisionNote", value -> {
            long app = underNotice("CZ-UNIV");
            var instance = noticeProcess(app);
            long objection = notices.lodge(new NoticeService.ObjectionInput(forms.number(app), "张三", Objectors.mobile(),
                    "该单位申报材料中列举的活动并未实际举办，请核查。"), source());
            WorkItem task = forms.openTask(instance.getId(), Forms.OBJECTION, "office");
            return new Attempt(() -> as("office", () -> notices.decide(task.id(), ProjectProcess.DISMISSED, value)),
                    () -> jdbc.sql("select decision_note from objection where id = ?").param(objection).query(String.class).single(),
                    () -> forms.isOpen(task.id()) && jdbc.sql("select status from objection where id = ?").param(objection)
                            .query(String.class).single().equals("OPEN"));
        }));
        fields.add(new Field("确认责任书", "note", "说明", false, 4000, "review.error.reasonsLength", value -> {
            long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AGREEMENT");
            WorkItem task = forms.task(Forms.CONFIRM_AGREEMENT, app, "office", Map.of());
            return new Attempt(() -> as("office", () -> funding.confirmAgreement(task.id(), false, null, value)),
                    () -> lastComment(app), untouched(task, app));
        }));
        fields.add(new Field("资金拨付", "voucherNo", "凭证号", true, 60, "funding.error.voucher", value -> {
            long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "ESTABLISHED");
            forms.approved(app, new BigDecimal("30000"));
            WorkItem task = forms.task(Forms.DISBURSEMENT, app, "finance", Map.of());
            return new Attempt(() -> as("finance", () -> funding.disburse(task.id(), new FundingService.Payment(
                    new BigDecimal("1000.00"), PlatformClock.today(), value))),
                    () -> jdbc.sql("select voucher_no from funding_entry where application_id = ? and kind = 'DISBURSEMENT'")
                            .param(app).query(String.class).optional().orElse(null),
                    () -> untouched(task, app).getAsBoolean() && count(
                            "select count(*) from funding_entry where application_id = ? and kind = 'DISBURSEMENT'", app) == 0);
        }));
        fields.add(new Field("中期检查", "note", "说明", false, 4000, "review.error.reasonsLength", value -> {
            long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "MIDTERM_CHECK");
            WorkItem task = forms.task(Forms.MIDTERM_CHECK, app, "office", Map.of());
            return new Attempt(() -> as("office", () -> implementation.midtermCheck(task.id(), ProjectProcess.PASS, value, null)),
                    () -> lastComment(app), untouched(task, app));
        }));
        fields.add(new Field("总结验收", "note", "说明", false, 4000, "review.error.reasonsLength", value -> {
            long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "ACCEPTANCE");
            WorkItem task = forms.task(Forms.ACCEPTANCE, app, "office", Map.of());
            return new Attempt(() -> as("office", () -> implementation.accept(task.id(), ProjectProcess.PASS, value)),
                    () -> lastComment(app), untouched(task, app));
        }));
        fields.add(new Field("进展报告", "text", "内容", false, 4000, "implementation.error.reportText", value -> {
            long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "IN_PROGRESS");
            WorkItem task = forms.task(Forms.PROGRESS_REPORT, app, "cz-med", Map.of());
            return new Attempt(() -> as("cz-med", () -> implementation.reportProgress(task.id(),
                    new ImplementationService.Report(value, null, null))), () -> lastComment(app), untouched(task, app));
        }));
        fields.add(new Field("总结报告", "text", "内容", false, 4000, "implementation.error.reportText", value -> {
            long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FINAL_REPORT");
            // the report's files go in while its task is open, by the applicant
            WorkItem task = forms.task(Forms.FINAL_REPORT, app, "cz-med", Map.of());
            as("cz-med", () -> {
                attachments.store(app, Attachment.Kind.SUMMARY, "总结报告.pdf", PDF, "cz-med");
                attachments.store(app, Attachment.Kind.ACCOUNTS, "经费决算.pdf", PDF, "cz-med");
            });
            return new Attempt(() -> as("cz-med", () -> implementation.submitFinalReport(task.id(), value)),
                    () -> lastComment(app), untouched(task, app));
        }));
        // the public form refuses invisible formatting characters in a name and direction overrides in a text,
        // and keeps a text's line breaks as LF (a browser sends CR LF)
        fields.add(new Field("公示异议", "name", "姓名", true, 100, "notice.error.name", value -> objection(value, null),
                "publicity.error.characters", UnaryOperator.identity()));
        fields.add(new Field("公示异议", "text", "异议内容", false, 4000, "notice.error.text", value -> objection(null, value),
                "publicity.error.characters", text -> text.replace("\r\n", "\n")));
        fields.add(new Field("申报书", "title", "项目名称", true, ApplicationServiceLimits.TITLE, "application.error.title",
                value -> draft(d -> d.setTitle(value), Application::title)));
        fields.add(new Field("申报书", "aims", "项目目标", false, 4000, "application.error.tooLong",
                value -> draft(d -> d.setAims(value), Application::aims)));
        fields.add(new Field("申报书", "content", "主要内容", false, 20000, "application.error.tooLong",
                value -> draft(d -> d.setContent(value), Application::content)));
        fields.add(new Field("申报书", "expectedResults", "预期成果与考核指标", false, 4000, "application.error.tooLong",
                value -> draft(d -> d.setExpectedResults(value), Application::expectedResults)));
        fields.add(new Field("申报书", "leadName", "项目负责人", true, 50, "application.error.tooLong",
                value -> draft(d -> d.setParticulars(new cn.kexie.capability.application.ProjectParticulars(value, null, null,
                        null, null, null, null)), a -> particular(a, "lead_name"))));
        fields.add(new Field("申报书", "contactName", "联系人", true, 50, "application.error.tooLong",
                value -> draft(d -> d.setParticulars(new cn.kexie.capability.application.ProjectParticulars(null, null, value,
                        null, null, null, null)), a -> particular(a, "contact_name"))));
        fields.add(new Field("申报书", "item", "预算科目", true, 200, "application.error.budgetLine",
                value -> draft(d -> d.setBudget(List.of(new Application.BudgetLine(value, new BigDecimal("500.00"), null))),
                        a -> a.budget().isEmpty() ? null : a.budget().get(0).item())));
        fields.add(new Field("申报书", "note", "说明", false, 500, "application.error.budgetLine",
                value -> draft(d -> d.setBudget(List.of(new Application.BudgetLine("会议费", new BigDecimal("500.00"), value))),
                        a -> a.budget().isEmpty() ? null : a.budget().get(0).note())));
        fields.add(new Field("新建申报", "title", "项目名称", true, ApplicationServiceLimits.TITLE, "application.error.title", value -> {
            long callId = jdbc.sql("select id from programme_call where programme_code = 'CHENZHOU' and call_year = ?")
                    .param(PlatformClock.today().getYear()).query(Long.class).single();
            int before = count("select count(*) from application where created_by = 'cz-eng'", null);
            long[] created = {0};
            return new Attempt(() -> created[0] = AsUser.call(identity, "cz-eng",
                    () -> applications.start(callId, "ACADEMIC_EXCHANGE", value)).id(),
                    () -> applications.load(created[0]).title(),
                    () -> count("select count(*) from application where created_by = 'cz-eng'", null) == before);
        }));
        fields.add(new Field("学会名录", "name", "单位名称", true, 200, "organisation.error.name",
                value -> organisation(o -> o.setName(value), Organisation::getName)));
        fields.add(new Field("学会名录", "secretaryGeneral", "秘书长", true, 100, "organisation.error.personName",
                value -> organisation(o -> o.setSecretaryGeneral(value), Organisation::getSecretaryGeneral)));
        fields.add(new Field("学会名录", "title", "名称", true, 200, "organisation.error.commendation",
                value -> organisation(o -> o.setCommendations(List.of(new Organisation.Commendation(2024, "MUNICIPAL", value))),
                        o -> o.getCommendations().isEmpty() ? null : o.getCommendations().get(0).title())));
        fields.add(new Field("学会名录", "description", "内容简介", false, 1000, "organisation.error.violation",
                value -> organisation(o -> o.setViolations(List.of(new Organisation.Violation(2024, "VIOLATION", value))),
                        o -> o.getViolations().isEmpty() ? null : o.getViolations().get(0).description())));
        fields.add(new Field("计划目录", "title", "名称", true, 200, "programme.error.title", value -> {
            int year = 2040 + SEQUENCE.incrementAndGet() % 60;
            return new Attempt(() -> as("office", () -> catalogue.createCall("CHENZHOU", year, value, LocalDate.of(2026, 3, 1))),
                    () -> catalogue.call("CHENZHOU", year).map(c -> c.title()).orElse(null),
                    () -> catalogue.call("CHENZHOU", year).isEmpty());
        }));
        fields.add(new Field("工作记录", "title", "名称", true, 200, "worklog.error.title",
                value -> workRecord(value, "学术交流活动简介", WorkRecordInputs.Saved::title)));
        fields.add(new Field("工作记录", "description", "内容简介", false, 4000, "worklog.error.description",
                value -> workRecord("学术年会", value, WorkRecordInputs.Saved::description)));
        fields.add(new Field("工作日历", "name", "节日名称", true, 100, "calendar.error.name.long", value -> {
            int year = 2090;
            List<String> before = calendar.storedNames(year);
            return new Attempt(() -> calendar.saveHoliday("demo", year, LocalDate.of(year, 10, 2), value, List.of()),
                    () -> calendar.storedNames(year).get(0), () -> calendar.storedNames(year).equals(before));
        }));
        fields.add(new Field("工作日历", "papers", "通知文件", true, 2000, "calendar.error.papers", value -> {
            int year = 2091;
            List<String> before = calendar.storedPapers(year);
            return new Attempt(() -> calendar.saveHoliday("demo", year, LocalDate.of(year, 10, 2), "国庆节", List.of(value)),
                    () -> String.join("\n", calendar.storedPapers(year)), () -> calendar.storedPapers(year).equals(before));
        }));
        return fields;
    }

    /** The longest title of an application ({@code ApplicationService.MAX_TITLE}). */
    static final class ApplicationServiceLimits {
        static final int TITLE = 200;
    }

    @TestFactory
    Stream<DynamicTest> hostileTextsInEveryFormsFields() {
        return textFields().stream().flatMap(field -> HOSTILE_TEXTS.stream().map(hostile ->
                DynamicTest.dynamicTest(field.form() + " · " + field.name() + " · " + hostile.label(),
                        () -> runText(field, hostile))));
    }

    private void runText(Field field, Hostile hostile) {
        String value = switch (hostile.kind()) {
            case TOO_LONG -> hostile.label().startsWith("a million") ? "长".repeat(1_000_000) : "长".repeat(field.max() + 1);
            default -> BEFORE + hostile.piece() + AFTER;
        };
        Attempt attempt = field.attempt().apply(value);
        String expectedKey = switch (hostile.kind()) {
            case CONTROL -> InputHygiene.CONTROL_CHARACTER;
            case BREAK -> field.oneLine() ? InputHygiene.LINE_BREAK : (value.length() > field.max() ? field.lengthKey() : null);
            case TOO_LONG -> field.lengthKey();
            case HARMLESS -> value.length() > field.max() ? field.lengthKey() : null;
            // a direction override is refused everywhere, by the check every service's input meets first
            case INVISIBLE -> InputHygiene.CONTROL_CHARACTER;
        };
        if (expectedKey == null) {
            attempt.submit().run();
            assertThat(attempt.stored().get()).as("stored as sent, as text").isEqualTo(field.storedAs().apply(value));
            assertThat(count("select count(*) from application where id > 0", null)).as("tables still there").isPositive();
        } else {
            UserError refused = refusal(attempt.submit());
            assertThat(refused.problems()).extracting(UserError.Problem::key).contains(expectedKey);
            String message = Messages.describe(Messages.CHINESE, refused);
            if (hostile.kind() == Kind.CONTROL || hostile.kind() == Kind.INVISIBLE
                    || expectedKey.equals(InputHygiene.LINE_BREAK)) {
                assertThat(message).as("names the field").contains("“" + field.label() + "”");
            }
            assertThat(attempt.untouched().getAsBoolean()).as("nothing saved").isTrue();
        }
    }

    // ---------------------------------------------------------------- numbers, dates and choices

    /** A case with a name and what it must meet: refused with one of the keys, or accepted (no keys). */
    record Case(String name, Runnable submit, Set<String> refusedWith, BooleanSupplier afterwards) {
        static Case refused(String name, Runnable submit, String key, BooleanSupplier untouched) {
            return new Case(name, submit, Set.of(key), untouched);
        }

        static Case accepted(String name, Runnable submit, BooleanSupplier check) {
            return new Case(name, submit, Set.of(), check);
        }
    }

    List<Case> numberAndDateCases() {
        List<Case> cases = new ArrayList<>();
        LocalDate today = PlatformClock.today();
        // the correction period of a formal review that returns the application
        for (Integer days : Arrays.asList(null, 0, -1, -5, 31, 365, 999_999_999, Integer.MAX_VALUE, Integer.MIN_VALUE)) {
            cases.add(formalReview("correction period " + days, days, "review.error.correctionDays"));
        }
        for (Integer days : List.of(1, 30)) {
            cases.add(formalReview("correction period " + days, days, null));
        }
        // an expert's points (maximum 20 per criterion)
        for (String points : List.of("-1", "-0.01", "20.01", "21", "1E+400", "99999999999999999999", "0.001", "1E-400")) {
            cases.add(sheet("points " + points, new BigDecimal(points), "review.error.scoreRange"));
        }
        cases.add(sheet("points missing", null, "review.error.scoreMissing"));
        for (String points : List.of("0", "20", "12.5")) {
            cases.add(sheet("points " + points, new BigDecimal(points), null));
        }
        // money and dates of a disbursement
        for (String amount : List.of("0", "-1", "-0.01", "0.001", "100000000.01", "1E+400", "1E-400")) {
            cases.add(disbursement("amount " + amount, new BigDecimal(amount), today, "funding.error.amount"));
        }
        cases.add(disbursement("amount missing", null, today, "funding.error.amount"));
        for (LocalDate paidOn : Arrays.asList(null, today.plusDays(1), LocalDate.MAX)) {
            cases.add(disbursement("paid on " + paidOn, new BigDecimal("100.00"), paidOn, "funding.error.date"));
        }
        for (LocalDate paidOn : List.of(LocalDate.MIN, LocalDate.of(1, 1, 1), LocalDate.of(1999, 12, 31))) {
            cases.add(disbursement("paid on " + paidOn, new BigDecimal("100.00"), paidOn, "funding.error.dateTooEarly"));
        }
        cases.add(disbursement("amount 100000000 paid today", new BigDecimal("100000000"), today, null));
        // the mid-term date of a confirmed agreement
        for (LocalDate due : Arrays.asList(null, today, today.minusDays(1), LocalDate.MIN)) {
            cases.add(confirmAgreement("mid-term on " + due, due, "funding.error.midtermDue"));
        }
        for (LocalDate due : List.of(LocalDate.MAX, today.plusYears(11))) {
            cases.add(confirmAgreement("mid-term on " + due, due, "funding.error.midtermTooFar"));
        }
        cases.add(confirmAgreement("mid-term in half a year", today.plusMonths(6), null));
        // the rectification date of a mid-term check
        for (LocalDate by : Arrays.asList(null, today, LocalDate.MIN)) {
            cases.add(midterm("rectify by " + by, by, "implementation.error.rectifyBy"));
        }
        for (LocalDate by : List.of(LocalDate.MAX, today.plusYears(6))) {
            cases.add(midterm("rectify by " + by, by, "implementation.error.rectifyTooFar"));
        }
        cases.add(midterm("rectify within a month", today.plusMonths(1), null));
        // the meeting date of an approval
        for (LocalDate meeting : Arrays.asList(today.plusDays(1), LocalDate.MAX)) {
            cases.add(approval("meeting on " + meeting, meeting, "approval.error.meetingInFuture"));
        }
        cases.add(approval("meeting on no date", null, "approval.error.meetingDate"));
        for (LocalDate meeting : List.of(LocalDate.MIN, LocalDate.of(1, 1, 1), LocalDate.of(1999, 12, 31))) {
            cases.add(approval("meeting on " + meeting, meeting, "approval.error.meetingTooEarly"));
        }
        cases.add(approval("meeting yesterday", today.minusDays(1), null));
        // outcomes that are not on the form
        for (String outcome : Arrays.asList(null, "", "pass", "PASS\u0000", "PASS' OR '1'='1", "<script>", "FRAUD")) {
            String expected = outcome != null && outcome.contains("\u0000") ? InputHygiene.CONTROL_CHARACTER : "review.error.outcome";
            cases.add(conclusion("conclusion " + printable(outcome), outcome, expected));
        }
        cases.add(Case.refused("formal review without an outcome", () -> {
            long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
            WorkItem task = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());
            as("office", () -> reviews.formalReview(task.id(), new ReviewService.FormalReview(null, null, null, null)));
        }, "review.error.outcome", () -> true));
        cases.add(Case.refused("mid-term check without an outcome", () -> {
            long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "MIDTERM_CHECK");
            WorkItem task = forms.task(Forms.MIDTERM_CHECK, app, "office", Map.of());
            as("office", () -> implementation.midtermCheck(task.id(), null, null, null));
        }, "review.error.outcome", () -> true));
        cases.add(Case.refused("acceptance without an outcome", () -> {
            long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "ACCEPTANCE");
            WorkItem task = forms.task(Forms.ACCEPTANCE, app, "office", Map.of());
            as("office", () -> implementation.accept(task.id(), null, "说明"));
        }, "review.error.outcome", () -> true));
        cases.add(Case.refused("objection decision without an outcome", () -> {
            long app = underNotice("CZ-UNIV");
            var instance = noticeProcess(app);
            notices.lodge(new NoticeService.ObjectionInput(forms.number(app), "张三", Objectors.mobile(),
                    "该单位申报材料中列举的活动并未实际举办，请核查。"), source());
            WorkItem task = forms.openTask(instance.getId(), Forms.OBJECTION, "office");
            as("office", () -> notices.decide(task.id(), null, "核查意见"));
        }, "review.error.outcome", () -> true));
        // the panel: unknown, forged or too many experts
        cases.add(panel("panel of two", List.of("expert1", "expert2"), "review.error.panelSize"));
        cases.add(panel("panel with a forged id", List.of("expert1", "expert2", "expert4' OR '1'='1"), "review.error.notExpert"));
        cases.add(panel("panel with a path", List.of("expert1", "expert2", "../../demo"), "review.error.notExpert"));
        cases.add(panel("panel with NUL", List.of("expert1", "expert2", "expert4\u0000"), InputHygiene.CONTROL_CHARACTER_UNNAMED));
        cases.add(panel("panel of sixteen", java.util.stream.IntStream.range(0, 16).mapToObj(i -> "expert" + i).toList(),
                "review.error.panelSize"));
        cases.add(panel("panel with the conflicted expert", List.of("expert1", "expert2", "expert3"), "review.error.conflict"));
        // the register's years and rating
        for (int year : new int[] {999_999_999, -1, 0, 1948, 2101, Integer.MIN_VALUE}) {
            cases.add(Case.refused("inspection year " + year, () -> as("office", () -> organisations.save(newOrganisation(
                    o -> o.setInspections(List.of(new Organisation.YearResult(year, true)))))), "organisation.error.year",
                    () -> true));
        }
        for (int rating : new int[] {-1, 6, Integer.MAX_VALUE}) {
            cases.add(Case.refused("rating " + rating, () -> as("office", () -> organisations.save(newOrganisation(
                    o -> o.setRating(rating)))), "organisation.error.rating", () -> true));
        }
        // the catalogue
        for (int year : new int[] {999_999_999, -1, 0, 1999, 2101}) {
            cases.add(Case.refused("call year " + year, () -> as("office", () -> catalogue.createCall("CHENZHOU", year,
                    "年度申报", LocalDate.of(2026, 3, 1))), "programme.error.year",
                    () -> catalogue.call("CHENZHOU", year).isEmpty()));
        }
        cases.add(Case.refused("call without publication date", () -> as("office", () -> catalogue.createCall("CHENZHOU", 2039,
                "年度申报", null)), "programme.error.publishedOn", () -> catalogue.call("CHENZHOU", 2039).isEmpty()));
        long chenzhouCall = jdbc.sql("select id from programme_call where programme_code = 'CHENZHOU' and call_year = ?")
                .param(today.getYear()).query(Long.class).single();
        for (Integer awards : Arrays.asList(-1, 10_001, Integer.MAX_VALUE, Integer.MIN_VALUE)) {
            cases.add(Case.refused("number of awards " + awards, () -> as("office", () -> catalogue.saveCallCategory(
                    new CallCategory(chenzhouCall, "ACADEMIC_EXCHANGE", null, today.plusDays(30), awards, null))),
                    "programme.error.awardCount", () -> true));
        }
        for (String amount : List.of("-1", "100000000.01", "1E+400", "0.001")) {
            cases.add(Case.refused("amount per award " + amount, () -> as("office", () -> catalogue.saveCallCategory(
                    new CallCategory(chenzhouCall, "ACADEMIC_EXCHANGE", null, today.plusDays(30), null, new BigDecimal(amount)))),
                    "programme.error.amount", () -> true));
        }
        cases.add(Case.refused("deadline missing", () -> as("office", () -> catalogue.saveCallCategory(
                new CallCategory(chenzhouCall, "ACADEMIC_EXCHANGE", null, null, null, null))), "programme.error.deadlineMissing",
                () -> true));
        cases.add(Case.refused("opens after the deadline", () -> as("office", () -> catalogue.saveCallCategory(
                new CallCategory(chenzhouCall, "ACADEMIC_EXCHANGE", LocalDate.MAX, today, null, null))),
                "programme.error.opensAfterDeadline", () -> true));
        cases.add(Case.refused("unknown category with SQL", () -> as("office", () -> catalogue.saveCallCategory(
                new CallCategory(chenzhouCall, "X' OR '1'='1", null, today, null, null))), "programme.error.unknownCategory",
                () -> true));
        for (int[] quota : new int[][] {{-1, 5}, {5, 4}, {0, 10_001}, {Integer.MIN_VALUE, Integer.MAX_VALUE}}) {
            cases.add(Case.refused("quota " + quota[0] + ".." + quota[1], () -> as("office", () -> catalogue.saveQuota(
                    new CallQuota(chenzhouCall, "A", quota[0], quota[1]))), "programme.error.quotaRange", () -> true));
        }
        // work records: numbers of people, provinces and countries, years and dates
        int year = 2010;
        LocalDate held = LocalDate.of(year, 5, 1);
        for (Integer participants : Arrays.asList(null, 0, -1, 1_000_001, Integer.MAX_VALUE, Integer.MIN_VALUE)) {
            cases.add(workRecordRefused("participants " + participants, year, held, participants, 1, 1, "worklog.error.participants"));
        }
        for (Integer provinces : Arrays.asList(-1, 34, Integer.MAX_VALUE)) {
            cases.add(workRecordRefused("other provinces " + provinces, year, held, 50, provinces, 1, "worklog.error.otherProvinces"));
        }
        for (Integer countries : Arrays.asList(0, 251, -1)) {
            cases.add(workRecordRefused("countries " + countries, year, held, 50, 0, countries, "worklog.error.countries"));
        }
        for (int badYear : new int[] {999_999_999, 1999, today.getYear() + 1, -1}) {
            cases.add(workRecordRefused("year " + badYear, badYear, held, 50, 0, 1, "worklog.error.year"));
        }
        cases.add(workRecordRefused("held outside the year", year, LocalDate.of(year + 1, 1, 1), 50, 0, 1,
                "worklog.error.dateOutsideYear"));
        cases.add(workRecordRefused("held on no date", year, null, 50, 0, 1, "worklog.error.dateMissing"));
        cases.add(workRecordRefused("held on the last date there is", year, LocalDate.MAX, 50, 0, 1,
                "worklog.error.dateOutsideYear"));
        // the calendar's import
        cases.addAll(calendarCases());
        return cases;
    }

    List<Case> calendarCases() {
        List<Case> cases = new ArrayList<>();
        String day = "{\"name\": \"国庆节\", \"date\": \"2092-10-01\", \"isOffDay\": true}";
        record Import(String name, int year, String json, String key) {
        }
        List<Import> imports = List.of(
                new Import("year 999999999 in both", 999_999_999,
                        "{\"year\": 999999999, \"papers\": [], \"days\": [{\"name\": \"国庆节\", \"date\": \"+999999999-10-01\", \"isOffDay\": true}]}",
                        "calendar.error.year"),
                new Import("year 999999999 chosen, 2092 in the file", 999_999_999,
                        "{\"year\": 2092, \"papers\": [], \"days\": [" + day + "]}", "calendar.error.yearMismatch"),
                new Import("year beyond int", 2092, "{\"year\": 99999999999, \"days\": [" + day + "]}", "calendar.error.json.year"),
                new Import("year with decimals", 2092, "{\"year\": 2092.5, \"days\": [" + day + "]}", "calendar.error.json.year"),
                new Import("year as text", 2092, "{\"year\": \"2092; drop\", \"days\": [" + day + "]}", "calendar.error.json.year"),
                new Import("negative year", -1, "{\"year\": -1, \"days\": [" + day + "]}", "calendar.error.year"),
                new Import("day at the end of time", 2092,
                        "{\"year\": 2092, \"days\": [{\"name\": \"国庆节\", \"date\": \"+999999999-12-31\", \"isOffDay\": true}]}",
                        "calendar.error.date.outsideYear"),
                new Import("day before the common era", 2092,
                        "{\"year\": 2092, \"days\": [{\"name\": \"国庆节\", \"date\": \"-0001-01-01\", \"isOffDay\": true}]}",
                        "calendar.error.date.outsideYear"),
                new Import("day that does not exist", 2092,
                        "{\"year\": 2092, \"days\": [{\"name\": \"国庆节\", \"date\": \"2092-02-30\", \"isOffDay\": true}]}",
                        "calendar.error.json.date"),
                new Import("NUL in a holiday's name (escaped in JSON)", 2092,
                        "{\"year\": 2092, \"days\": [{\"name\": \"国庆\\u0000节\", \"date\": \"2092-10-01\", \"isOffDay\": true}]}",
                        "calendar.error.name.characters"),
                new Import("line break in a holiday's name", 2092,
                        "{\"year\": 2092, \"days\": [{\"name\": \"国庆\\n节\", \"date\": \"2092-10-01\", \"isOffDay\": true}]}",
                        "calendar.error.name.characters"),
                new Import("ESC in a paper's address", 2092,
                        "{\"year\": 2092, \"papers\": [\"https://www.gov.cn/\\u001b[2J\"], \"days\": [" + day + "]}",
                        "calendar.error.papers.characters"),
                new Import("line break in a paper's address", 2092,
                        "{\"year\": 2092, \"papers\": [\"https://a\\nhttps://b\"], \"days\": [" + day + "]}",
                        "calendar.error.papers.characters"),
                new Import("NUL in the text itself", 2092, "{\"year\": 2092,\u0000 \"days\": [" + day + "]}",
                        InputHygiene.CONTROL_CHARACTER),
                new Import("not JSON", 2092, "year=2092; DROP TABLE working_calendar_day", "calendar.error.json.syntax"),
                new Import("JSON null", 2092, "null", "calendar.error.json.notObject"),
                new Import("JSON array", 2092, "[2092]", "calendar.error.json.notObject"),
                new Import("deeply nested", 2092, "[".repeat(5000) + "]".repeat(5000), "calendar.error.json.syntax"),
                new Import("too long", 2092, "{\"year\": 2092, \"days\": [" + (day + ",").repeat(4000) + day + "]}",
                        "calendar.error.json.tooLong"),
                new Import("days not a list", 2092, "{\"year\": 2092, \"days\": \"all of them\"}", "calendar.error.json.days"),
                new Import("off day as text", 2092,
                        "{\"year\": 2092, \"days\": [{\"name\": \"国庆节\", \"date\": \"2092-10-01\", \"isOffDay\": \"yes\"}]}",
                        "calendar.error.json.dayShape"),
                new Import("empty", 2092, " ", "calendar.error.json.empty"));
        for (Import i : imports) {
            cases.add(Case.refused("calendar import: " + i.name(), () -> calendar.importJson("demo", i.year(), i.json()), i.key(),
                    () -> !calendar.arranged(2092) && !calendar.arranged(999_999_999)));
        }
        cases.add(Case.accepted("calendar import: script and SQL in a name stay text",
                () -> calendar.importJson("demo", 2093, "{\"year\": 2093, \"days\": [{\"name\": \"<script>alert(1)</script>'; --\","
                        + " \"date\": \"2093-10-01\", \"isOffDay\": true}]}"),
                () -> calendar.storedNames(2093).equals(List.of("<script>alert(1)</script>'; --"))));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> numbersDatesAndChoicesOutOfRange() {
        return numberAndDateCases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> runCase(c)));
    }

    private void runCase(Case c) {
        if (c.refusedWith().isEmpty()) {
            c.submit().run();
        } else {
            UserError refused = refusal(c.submit());
            assertThat(refused.problems()).extracting(UserError.Problem::key).containsAnyElementsOf(c.refusedWith());
        }
        assertThat(c.afterwards().getAsBoolean()).as(c.refusedWith().isEmpty() ? "saved as sent" : "nothing saved").isTrue();
    }

    private Case formalReview(String name, Integer days, String key) {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem task = forms.task(Forms.FORMAL_REVIEW, app, "office", Map.of());
        Runnable submit = () -> as("office", () -> reviews.formalReview(task.id(), new ReviewService.FormalReview(
                Set.of("conditions"), ProjectProcess.RETURN, "预算明细不全，请补充。", days)));
        return key == null
                ? Case.accepted(name, submit, () -> lastData(app, "correctionWorkingDays").equals(String.valueOf(days)))
                : Case.refused(name, submit, key, untouched(task, app));
    }

    private Case sheet(String name, BigDecimal basic, String key) {
        long app = forms.application("CZ-AGRI", "SOCIAL_SERVICE", "EXPERT_REVIEW");
        WorkItem task = forms.task(Forms.EXPERT_SCORE, app, "expert2", Map.of(ProjectProcess.EXPERT, "expert2"));
        Map<String, BigDecimal> points = points(10);
        if (basic == null) {
            points.remove("BASIC_CONDITIONS");
        } else {
            points.put("BASIC_CONDITIONS", basic);
        }
        Runnable submit = () -> as("expert2", () -> reviews.submitSheet(task.id(), new ReviewService.Sheet(true, points, "意见明确。")));
        BooleanSupplier noSheet = () -> forms.isOpen(task.id())
                && count("select count(*) from review_sheet where application_id = ?", app) == 0;
        return key == null
                ? Case.accepted(name, submit, () -> jdbc.sql("select points from review_score where application_id = ? and criterion = 'BASIC_CONDITIONS'")
                        .param(app).query(BigDecimal.class).single().compareTo(basic) == 0)
                : Case.refused(name, submit, key, noSheet);
    }

    private Case disbursement(String name, BigDecimal amount, LocalDate paidOn, String key) {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "ESTABLISHED");
        // approved with the most the platform takes, so that only the amount's own limits are tried here
        forms.approved(app, new BigDecimal("100000000"));
        WorkItem task = forms.task(Forms.DISBURSEMENT, app, "finance", Map.of());
        Runnable submit = () -> as("finance", () -> funding.disburse(task.id(), new FundingService.Payment(amount, paidOn, "财拨-01")));
        BooleanSupplier noPayment = () -> untouched(task, app).getAsBoolean()
                && count("select count(*) from funding_entry where application_id = ? and kind = 'DISBURSEMENT'", app) == 0;
        return key == null
                ? Case.accepted(name, submit, () -> jdbc.sql(
                        "select amount_yuan from funding_entry where application_id = ? and kind = 'DISBURSEMENT'")
                        .param(app).query(BigDecimal.class).single().compareTo(amount) == 0)
                : Case.refused(name, submit, key, noPayment);
    }

    private Case confirmAgreement(String name, LocalDate due, String key) {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AGREEMENT");
        // signed by the applicant in the step before (sign-agreement), which is over
        forms.attach(app, Attachment.Kind.SIGNED_AGREEMENT, "signed.pdf", PDF, "cz-med");
        WorkItem task = forms.task(Forms.CONFIRM_AGREEMENT, app, "office", Map.of());
        Runnable submit = () -> as("office", () -> funding.confirmAgreement(task.id(), true, due, null));
        return key == null
                ? Case.accepted(name, submit, () -> lastData(app, "midtermDue").equals(String.valueOf(due)))
                : Case.refused(name, submit, key, untouched(task, app));
    }

    private Case midterm(String name, LocalDate by, String key) {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "MIDTERM_CHECK");
        WorkItem task = forms.task(Forms.MIDTERM_CHECK, app, "office", Map.of());
        Runnable submit = () -> as("office", () -> implementation.midtermCheck(task.id(), ProjectProcess.RECTIFY, "请整改经费使用。", by));
        return key == null
                ? Case.accepted(name, submit, () -> lastData(app, "rectifyBy").equals(String.valueOf(by)))
                : Case.refused(name, submit, key, untouched(task, app));
    }

    private Case approval(String name, LocalDate meeting, String key) {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "REVIEWED");
        WorkItem task = forms.task(Forms.APPROVAL, app, "party", Map.of());
        Runnable submit = () -> as("party", () -> approvals.decide(task.id(), new ApprovalService.Approval(true, meeting,
                "党组〔2026〕5号", null)));
        return key == null
                ? Case.accepted(name, submit, () -> lastData(app, "meetingDate").equals(String.valueOf(meeting)))
                : Case.refused(name, submit, key, untouched(task, app));
    }

    private Case conclusion(String name, String outcome, String key) {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "REVIEWED");
        WorkItem task = forms.task(Forms.REVIEW_CONCLUSION, app, "office", Map.of());
        return Case.refused(name, () -> as("office", () -> reviews.conclude(task.id(), outcome, "结论意见。")), key,
                untouched(task, app));
    }

    private Case panel(String name, List<String> experts, String key) {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "EXPERT_REVIEW");
        WorkItem task = forms.task(Forms.ASSIGN_PANEL, app, "office", Map.of());
        return Case.refused(name, () -> as("office", () -> reviews.assignPanel(task.id(), experts)), key, untouched(task, app));
    }

    private Case workRecordRefused(String name, int year, LocalDate held, Integer participants, Integer provinces,
            Integer countries, String key) {
        return Case.refused("work record " + name, () -> workRecords.saveExchange("cd-med", year, "学术年会", held, null,
                participants, provinces, countries, null, null), key, () -> workRecords.count("cd-med", 2010) == 0);
    }

    // ---------------------------------------------------------------- files

    record FileCase(String name, String fileName, byte[] content, String refusedWith) {
    }

    static final List<FileCase> FILES = List.of(
            new FileCase("a plain PDF", "申报书.pdf", PDF, null),
            new FileCase("directories climbed", "../../../etc/passwd.pdf", PDF, null),
            new FileCase("Windows directories climbed", "..\\..\\windows\\system32\\drivers.pdf", PDF, null),
            new FileCase("absolute path", "/etc/passwd", PDF, "attachment.error.type"),
            new FileCase("NUL before the ending", "申报书\u0000.pdf", PDF, InputHygiene.CONTROL_CHARACTER),
            new FileCase("NUL to cut the ending", "evil.pdf\u0000.exe", PDF, InputHygiene.CONTROL_CHARACTER),
            new FileCase("line feed", "申报\n书.pdf", PDF, InputHygiene.LINE_BREAK),
            new FileCase("carriage return", "申报\r书.pdf", PDF, InputHygiene.LINE_BREAK),
            new FileCase("tab", "申报\t书.pdf", PDF, InputHygiene.LINE_BREAK),
            new FileCase("ESC", "\u001B[2J.pdf", PDF, InputHygiene.CONTROL_CHARACTER),
            new FileCase("C1", "申报\u0085书.pdf", PDF, InputHygiene.CONTROL_CHARACTER),
            new FileCase("right-to-left override hiding .exe", "申报书\u202Efdp.exe", EXE, InputHygiene.CONTROL_CHARACTER),
            new FileCase("program", "evil.exe", EXE, "attachment.error.type"),
            new FileCase("PDF ending, program inside", "evil.pdf", EXE, "attachment.error.content"),
            new FileCase("double ending, program last", "evil.pdf.exe", PDF, "attachment.error.type"),
            new FileCase("double ending, PDF last", "evil.exe.pdf", PDF, null),
            new FileCase("HTML", "page.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "attachment.error.type"),
            new FileCase("SVG", "image.svg", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "attachment.error.type"),
            new FileCase("no name", "", PDF, "attachment.error.name"),
            new FileCase("name of blanks", "   ", PDF, "attachment.error.name"),
            new FileCase("name of 256 characters", "长".repeat(252) + ".pdf", PDF, "attachment.error.name"),
            new FileCase("only an ending", ".pdf", PDF, null),
            new FileCase("script tag in the name", "<script>alert(1)</script>.pdf", PDF, null),
            new FileCase("SQL in the name", "'; DROP TABLE attachment; --.pdf", PDF, null),
            new FileCase("device name", "CON.pdf", PDF, null),
            new FileCase("empty file", "empty.pdf", new byte[0], "attachment.error.empty"),
            new FileCase("PNG named JPEG", "photo.jpg", PNG, "attachment.error.content"),
            new FileCase("ZIP named PDF", "archive.pdf", ZIP, "attachment.error.content"),
            new FileCase("Word document", "计划.docx", ZIP, null),
            new FileCase("upper-case ending", "SCAN.PDF", PDF, null));

    @TestFactory
    Stream<DynamicTest> fileNamesTypesAndSizes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (FileCase f : FILES) {
            tests.add(DynamicTest.dynamicTest("dossier file: " + f.name(), () -> {
                long app = newDraft();
                Runnable store = () -> as("cz-med", () -> attachments.store(app, Attachment.Kind.APPLICATION, f.fileName(),
                        f.content(), "cz-med"));
                if (f.refusedWith() == null) {
                    store.run();
                    String stored = jdbc.sql("select file_name from attachment where application_id = ?").param(app)
                            .query(String.class).single();
                    assertThat(stored).doesNotContain("/", "\\").isNotBlank();
                    assertThat(stored).isEqualTo(f.fileName().replace('/', '_').replace('\\', '_').trim());
                } else {
                    UserError refused = refusal(store);
                    assertThat(refused.problems()).extracting(UserError.Problem::key).contains(f.refusedWith());
                    assertThat(count("select count(*) from attachment where application_id = ?", app)).isZero();
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("dossier file: one byte over 20 MB", () -> {
            long app = newDraft();
            byte[] big = Arrays.copyOf(PDF, AttachmentService.MAX_BYTES + 1);
            UserError refused = refusal(() -> as("cz-med", () -> attachments.store(app, Attachment.Kind.APPLICATION, "big.pdf",
                    big, "cz-med")));
            assertThat(refused.problems()).extracting(UserError.Problem::key).contains("attachment.error.size");
            assertThat(count("select count(*) from attachment where application_id = ?", app)).isZero();
        }));
        tests.add(DynamicTest.dynamicTest("dossier file: no content at all", () -> {
            long app = newDraft();
            UserError refused = refusal(() -> as("cz-med", () -> attachments.store(app, Attachment.Kind.APPLICATION, "none.pdf",
                    null, "cz-med")));
            assertThat(refused.problems()).extracting(UserError.Problem::key).contains("attachment.error.empty");
            assertThat(count("select count(*) from attachment where application_id = ?", app)).isZero();
        }));
        // the same rules where work-record evidence, signed agreements and reports are uploaded
        for (FileCase f : List.of(FILES.get(1), FILES.get(4), FILES.get(6), FILES.get(12), FILES.get(13))) {
            tests.add(DynamicTest.dynamicTest("work-record evidence: " + f.name(), () -> {
                if (f.refusedWith() == null) {
                    WorkRecordInputs.Saved saved = workRecords.saveExchange("cd-med", 2011, "学术年会", LocalDate.of(2011, 5, 1),
                            null, 50, 0, 1, f.fileName(), f.content());
                    assertThat(saved.fileNames()).singleElement().asString().doesNotContain("/", "\\");
                    workRecords.delete("cd-med", saved.id());
                } else {
                    UserError refused = refusal(() -> workRecords.saveExchange("cd-med", 2011, "学术年会", LocalDate.of(2011, 5, 1),
                            null, 50, 0, 1, f.fileName(), f.content()));
                    assertThat(refused.problems()).extracting(UserError.Problem::key).contains(f.refusedWith());
                    assertThat(workRecords.count("cd-med", 2011)).isZero();
                }
            }));
            tests.add(DynamicTest.dynamicTest("signed agreement: " + f.name(), () -> {
                long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "AGREEMENT");
                WorkItem task = forms.task(Forms.SIGN_AGREEMENT, app, "cz-med", Map.of());
                Runnable sign = () -> as("cz-med", () -> funding.signAgreement(task.id(), f.fileName(), f.content()));
                if (f.refusedWith() == null) {
                    sign.run();
                    assertThat(forms.isOpen(task.id())).isFalse();
                } else {
                    assertThat(refusal(sign).problems()).extracting(UserError.Problem::key).contains(f.refusedWith());
                    assertThat(untouched(task, app).getAsBoolean()).isTrue();
                    assertThat(count("select count(*) from attachment where application_id = ?", app)).isZero();
                }
            }));
            tests.add(DynamicTest.dynamicTest("progress report file: " + f.name(), () -> {
                long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "IN_PROGRESS");
                WorkItem task = forms.task(Forms.PROGRESS_REPORT, app, "cz-med", Map.of());
                Runnable report = () -> as("cz-med", () -> implementation.reportProgress(task.id(),
                        new ImplementationService.Report("本季度完成两次学术年会筹备。", f.fileName(), f.content())));
                if (f.refusedWith() == null) {
                    report.run();
                    assertThat(forms.isOpen(task.id())).isFalse();
                } else {
                    assertThat(refusal(report).problems()).extracting(UserError.Problem::key).contains(f.refusedWith());
                    assertThat(untouched(task, app).getAsBoolean()).isTrue();
                }
            }));
        }
        return tests.stream();
    }

    // ---------------------------------------------------------------- the public objection's contact

    @TestFactory
    Stream<DynamicTest> publicObjectionContactsAndNumbers() {
        record Objection(String name, String number, String contact, String key) {
        }
        // every case a new objector: the form's limits per contact would otherwise ask for a CAPTCHA
        String mobile = Objectors.mobile();
        List<Objection> cases = List.of(
                new Objection("contact with NUL", null, Objectors.mobile() + "\u0000", InputHygiene.CONTROL_CHARACTER),
                new Objection("contact with a line break", null, Objectors.mobile() + "\nBcc: x@y.cn", InputHygiene.LINE_BREAK),
                new Objection("contact as script", null, "<script>alert(1)</script>", "publicity.error.contact"),
                new Objection("contact as SQL", null, "' OR 1=1 --", "publicity.error.contact"),
                new Objection("contact of 200 digits", null, "1".repeat(200), "publicity.error.contact"),
                new Objection("e-mail with header injection", null, "a@b.cn\r\nBcc: c@d.cn", InputHygiene.LINE_BREAK),
                new Objection("number with SQL", "X' OR '1'='1", Objectors.mobile(), "notice.error.notUnderNotice"),
                new Objection("number with NUL", "CZ-2026-001\u0000", Objectors.mobile(), InputHygiene.CONTROL_CHARACTER),
                new Objection("number far too long", "C".repeat(100_000), Objectors.mobile(), "notice.error.notUnderNotice"),
                new Objection("a valid e-mail", null, "zhangsan" + Objectors.mobile() + "@example.cn", null),
                new Objection("a valid phone with plus and blanks", null,
                        "+86 " + mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7), null));
        return cases.stream().map(o -> DynamicTest.dynamicTest("objection: " + o.name(), () -> {
            long app = underNotice("CZ-UNIV");
            noticeProcess(app);
            String number = o.number() == null ? forms.number(app) : o.number();
            Runnable lodge = () -> notices.lodge(new NoticeService.ObjectionInput(number, "张三", o.contact(),
                    "该单位申报材料中列举的活动并未实际举办，请核查。"), source());
            if (o.key() == null) {
                lodge.run();
                assertThat(jdbc.sql("select contact from objection where application_id = ?").param(app).query(String.class)
                        .single()).isEqualTo(o.contact());
            } else {
                assertThat(refusal(lodge).problems()).extracting(UserError.Problem::key).contains(o.key());
                assertThat(count("select count(*) from objection where application_id = ?", app)).isZero();
            }
        }));
    }

    // ---------------------------------------------------------------- endpoints

    /** A request and what it must get: a status class (2 or 4), and for 4xx a body without leaks. */
    record Call(String name, String method, String path, String user, String contentType, String body, int statusClass) {
    }

    List<Call> endpointCalls() {
        String admin = "demo";
        List<Call> calls = new ArrayList<>();
        // the public working-days endpoint
        calls.add(new Call("working days: a good question", "GET", "/api/working-days?from=2022-09-28&count=5", null, null, null, 2));
        for (String query : List.of(
                "from=999999999-01-01&count=5", "from=%2B999999999-12-31&count=5", "from=%2B999999999-01-01&count=366",
                "from=-999999999-01-01&count=5", "from=0000-01-01&count=5", "from=1999-12-31&count=5", "from=2101-01-01&count=5",
                "from=%2B10000-01-01&count=5", "from=2022-09-28&count=2147483648", "from=2022-09-28&count=-2147483649",
                "from=2022-09-28&count=NaN", "from=2022-09-28&count=Infinity", "from=2022-09-28&count=1e3",
                "from=2022-09-28&count=0x10", "from=2022-09-28&count=999999999", "from=2022-09-28%00&count=5",
                "from=2022-09-28&count=5%00", "from=%1B%5B2J&count=5", "from=2022-09-28%0A&count=5",
                "from=2022-09-28%27--&count=5", "from=%3Cscript%3Ealert(1)%3C%2Fscript%3E&count=5",
                "from=" + "9".repeat(5000) + "&count=5", "from=2022-09-28&from=2023-01-01&count=5",
                "from=2022-02-29&count=5", "from=2022-09-28T10:00&count=5", "count=5", "from=&count=")) {
            calls.add(new Call("working days: " + shortQuery(query), "GET", "/api/working-days?" + query, null, null, null, 4));
        }
        calls.add(new Call("working days: the calendar's last year", "GET", "/api/working-days?from=2100-12-31&count=366",
                null, null, null, 2));
        // Camunda's REST API, as the administrator
        calls.add(new Call("REST: task query with NUL", "GET", "/engine-rest/task?name=%00", admin, null, null, 4));
        calls.add(new Call("REST: task query with ESC in a parameter's name", "GET", "/engine-rest/task?na%1Bme=x", admin, null, null, 4));
        calls.add(new Call("REST: task query with SQL", "GET", "/engine-rest/task?nameLike=%25%27%20OR%201%3D1--", admin, null, null, 2));
        calls.add(new Call("REST: first result beyond int", "GET", "/engine-rest/process-instance?firstResult=99999999999", admin, null, null, 4));
        calls.add(new Call("REST: max results not a number", "GET", "/engine-rest/process-instance?maxResults=NaN", admin, null, null, 4));
        calls.add(new Call("REST: sort by SQL", "GET", "/engine-rest/process-instance?sortBy=id;drop&sortOrder=asc", admin, null, null, 4));
        calls.add(new Call("REST: sort order SQL", "GET", "/engine-rest/task?sortBy=name&sortOrder=asc,(select%201)", admin, null, null, 4));
        calls.add(new Call("REST: overlong UTF-8 for NUL", "GET", "/engine-rest/task?name=%C0%80", admin, null, null, 2));
        calls.add(new Call("REST: NUL in the path", "GET", "/engine-rest/process-definition/key/a%00b/xml", admin, null, null, 4));
        calls.add(new Call("REST: directories climbed in the path", "GET", "/engine-rest/process-definition/key/..%2F..%2Fetc%2Fpasswd/xml",
                admin, null, null, 4));
        calls.add(new Call("REST: unknown definition", "GET", "/engine-rest/process-definition/key/%3Cscript%3E/xml", admin, null, null, 4));
        calls.add(new Call("REST: new user with NUL in the name", "POST", "/engine-rest/user/create", admin, "application/json",
                "{\"profile\": {\"id\": \"hostile-nul\", \"firstName\": \"A\\u0000B\", \"lastName\": \"C\"},"
                        + " \"credentials\": {\"password\": \"Kx!7-strong-enough\"}}", 4));
        calls.add(new Call("REST: new user with C1 in the e-mail", "POST", "/engine-rest/user/create", admin, "application/json",
                "{\"profile\": {\"id\": \"hostile-c1\", \"firstName\": \"A\", \"lastName\": \"B\", \"email\": \"a\\u0085@b.cn\"},"
                        + " \"credentials\": {\"password\": \"Kx!7-strong-enough\"}}", 4));
        calls.add(new Call("REST: new user with a script as id", "POST", "/engine-rest/user/create", admin, "application/json",
                "{\"profile\": {\"id\": \"<script>\", \"firstName\": \"A\", \"lastName\": \"B\"},"
                        + " \"credentials\": {\"password\": \"Kx!7-strong-enough\"}}", 4));
        calls.add(new Call("REST: new user with SQL as id", "POST", "/engine-rest/user/create", admin, "application/json",
                "{\"profile\": {\"id\": \"x' OR '1'='1\", \"firstName\": \"A\", \"lastName\": \"B\"},"
                        + " \"credentials\": {\"password\": \"Kx!7-strong-enough\"}}", 4));
        calls.add(new Call("REST: new user with a one-character password", "POST", "/engine-rest/user/create", admin, "application/json",
                "{\"profile\": {\"id\": \"hostile-weak\", \"firstName\": \"A\", \"lastName\": \"B\"}, \"credentials\": {\"password\": \"x\"}}", 4));
        calls.add(new Call("REST: new user with a script as name", "POST", "/engine-rest/user/create", admin, "application/json",
                "{\"profile\": {\"id\": \"hostile-script-" + UUID.randomUUID().toString().substring(0, 6)
                        + "\", \"firstName\": \"<script>alert(1)</script>\", \"lastName\": \"'; --\"},"
                        + " \"credentials\": {\"password\": \"Kx!7-strong-enough\"}}", 2));
        calls.add(new Call("REST: message name with NUL", "POST", "/engine-rest/message", admin, "application/json",
                "{\"messageName\": \"ObjectionLodged\\u0000\"}", 4));
        calls.add(new Call("REST: variable with NUL as a JSON name", "POST", "/engine-rest/message", admin, "application/json",
                "{\"messageName\": \"x\", \"processVariables\": {\"a\\u0000\": {\"value\": 1}}}", 4));
        calls.add(new Call("REST: variable value with DEL", "POST", "/engine-rest/message", admin, "application/json",
                "{\"messageName\": \"x\", \"processVariables\": {\"a\": {\"value\": \"\\u007f\", \"type\": \"String\"}}}", 4));
        calls.add(new Call("REST: JSON cut short", "POST", "/engine-rest/message", admin, "application/json", "{\"messageName\": ", 4));
        calls.add(new Call("REST: JSON nested ten thousand deep", "POST", "/engine-rest/message", admin, "application/json",
                "[".repeat(10_000) + "]".repeat(10_000), 4));
        calls.add(new Call("REST: JSON body over 10 MB", "POST", "/engine-rest/message", admin, "application/json",
                "{\"messageName\": \"" + "x".repeat(11 * 1024 * 1024) + "\"}", 4));
        calls.add(new Call("REST: message nobody waits for", "POST", "/engine-rest/message", admin, "application/json",
                "{\"messageName\": \"<script>alert(1)</script>\"}", 4));
        calls.add(new Call("REST: as the office", "GET", "/engine-rest/task", "office", null, null, 4));
        calls.add(new Call("REST: as an applicant with NUL", "GET", "/engine-rest/task?name=%00", "cz-med", null, null, 4));
        calls.add(new Call("REST: anonymous", "GET", "/engine-rest/task", null, null, null, 4));
        calls.add(new Call("REST: anonymous user creation", "POST", "/engine-rest/user/create", null, "application/json",
                "{\"profile\": {\"id\": \"anon\"}, \"credentials\": {\"password\": \"x\"}}", 4));
        calls.add(new Call("webapps API: anonymous with NUL", "GET", "/camunda/api/engine/engine/default/task?name=%00", null, null, null, 4));
        return calls;
    }

    @TestFactory
    Stream<DynamicTest> endpointsAnswer4xxWithoutLeaksOrHarmlessly() {
        return endpointCalls().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()))
                    .timeout(Duration.ofSeconds(60));
            if (c.user() != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((c.user() + ":demo").getBytes(StandardCharsets.UTF_8)));
            }
            if (c.contentType() != null) {
                request.header("Content-Type", c.contentType());
            }
            request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(c.body()));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode() / 100).as(c.name() + ": " + response.statusCode() + " " + shortQuery(response.body()))
                    .isEqualTo(c.statusClass());
            if (c.statusClass() == 4) {
                for (String leak : LEAKS) {
                    assertThat(response.body()).as(c.name()).doesNotContain(leak);
                }
            }
            if (c.path().startsWith("/api/working-days") && c.statusClass() == 4) {
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
                assertThat(json.readTree(response.body()).get("error").asText()).isNotBlank().hasSizeLessThan(400);
            }
        }));
    }

    @Test
    void theTablesHoldAtLeastThreeHundredCases() {
        // the number, date and file cases come on top; they create their tasks when listed, so are not counted here
        assertThat(textFields().size() * HOSTILE_TEXTS.size() + endpointCalls().size()).isGreaterThanOrEqualTo(300);
    }

    // ================================================================ helpers

    private UserError refusal(Runnable action) {
        try {
            action.run();
        } catch (UserError refused) {
            for (UserError.Problem problem : refused.problems()) {
                assertThat(Messages.get(Messages.CHINESE, problem.key())).as("a Chinese text for " + problem.key())
                        .isNotEqualTo(problem.key());
                assertThat(Messages.get(Messages.ENGLISH, problem.key())).as("an English text for " + problem.key())
                        .isNotEqualTo(problem.key());
            }
            return refused;
        } catch (RuntimeException other) {
            throw new AssertionError("refused with " + other + " instead of a message", other);
        }
        return fail("accepted, but should have been refused");
    }

    private void as(String user, Runnable work) {
        AsUser.run(identity, user, work);
    }

    private Map<String, BigDecimal> points(int each) {
        Map<String, BigDecimal> points = new HashMap<>();
        for (String code : List.of("BASIC_CONDITIONS", "SUSTAINABILITY", "SCIENTIFIC_SOUNDNESS", "DEMONSTRATION", "SPREAD")) {
            points.put(code, BigDecimal.valueOf(each));
        }
        return points;
    }

    private BooleanSupplier untouched(WorkItem task, long app) {
        int events = count("select count(*) from application_event where application_id = ?", app);
        return () -> forms.isOpen(task.id())
                && count("select count(*) from application_event where application_id = ?", app) == events;
    }

    private int count(String sql, Long param) {
        var statement = jdbc.sql(sql);
        if (param != null) {
            statement = statement.param(param);
        }
        return statement.query(Integer.class).single();
    }

    private String lastComment(long app) {
        return jdbc.sql("select comment from application_event where application_id = ? order by id desc")
                .param(app).query(String.class).list().stream().findFirst().orElse(null);
    }

    /** The value under {@code key} in the data of the latest history entry that has it (an approval is followed by its amount's). */
    private String lastData(long app, String key) {
        for (String data : jdbc.sql("select data from application_event where application_id = ? and data is not null order by id desc")
                .param(app).query(String.class).list()) {
            try {
                var node = json.readTree(data).get(key);
                if (node != null) {
                    return node.asText();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return null;
    }

    private long underNotice(String organisation) {
        long app = forms.application(organisation, "DECISION_CONSULTING", "UNDER_NOTICE");
        forms.underNotice(app, PlatformClock.now().plus(Duration.ofDays(3)));
        return app;
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance noticeProcess(long app) {
        return forms.start(FormTasks.NOTICE, app,
                Map.of(ProjectProcess.NOTICE_ENDS, Date.from(PlatformClock.now().plus(Duration.ofDays(3)))));
    }

    /** A new sender for each objection: the public form limits objections per sender address. */
    private static String source() {
        return Objectors.address();
    }

    private Attempt objection(String name, String text) {
        long app = underNotice("CZ-UNIV");
        noticeProcess(app);
        String number = forms.number(app);
        String contact = Objectors.mobile();
        return new Attempt(() -> notices.lodge(new NoticeService.ObjectionInput(number, name == null ? "张三" : name,
                contact, text == null ? "该单位申报材料中列举的活动并未实际举办，请核查。" : text), source()),
                () -> jdbc.sql("select " + (name != null ? "name" : "objection_text") + " from objection where application_id = ?")
                        .param(app).query(String.class).single(),
                () -> count("select count(*) from objection where application_id = ?", app) == 0);
    }

    /**
     * A draft of CZ-MED as its applicant opens it (its process waits in the applicant's form, where
     * alone the 申报书 and its materials change), filled in as {@link FormTasks#application} fills one.
     */
    private long newDraft() {
        long callId = jdbc.sql("select id from programme_call where programme_code = 'CHENZHOU' and call_year = ?")
                .param(PlatformClock.today().getYear()).query(Long.class).single();
        return AsUser.call(identity, "cz-med", () -> {
            Application opened = applications.start(callId, "ACADEMIC_EXCHANGE", "表单测试项目");
            ApplicationDraft filled = ApplicationDraft.of(opened);
            filled.setAims("提升学术交流水平");
            filled.setContent("举办两次学术年会，开展科普进社区活动。");
            filled.setSchedule("上半年筹备，下半年实施。");
            filled.setExpectedResults("形成调研报告一份。");
            filled.setBudget(List.of(new Application.BudgetLine("会议费", new BigDecimal("20000.00"), "两次年会"),
                    new Application.BudgetLine("资料费", new BigDecimal("10000.00"), null)));
            return applications.saveDraft(opened.id(), opened.version(), filled).id();
        });
    }

    private String particular(Application app, String column) {
        return jdbc.sql("select " + column + " from application_particulars where application_id = ?").param(app.id())
                .query(String.class).optional().orElse(null);
    }

    private Attempt draft(java.util.function.Consumer<ApplicationDraft> change, Function<Application, String> read) {
        long app = newDraft();
        Application before = applications.load(app);
        ApplicationDraft draft = ApplicationDraft.of(before);
        change.accept(draft);
        return new Attempt(() -> as("cz-med", () -> applications.saveDraft(app, before.version(), draft)),
                () -> read.apply(applications.load(app)), () -> applications.load(app).version() == before.version());
    }

    private Organisation newOrganisation(java.util.function.Consumer<Organisation> change) {
        Organisation org = new Organisation();
        org.setCode("T-HOSTILE-" + SEQUENCE.incrementAndGet());
        org.setName("测试学会");
        org.setCityCode("CHENZHOU");
        org.setType(OrganisationType.MUNICIPAL_SOCIETY);
        org.setRating(3);
        change.accept(org);
        return org;
    }

    private Attempt organisation(java.util.function.Consumer<Organisation> change, Function<Organisation, String> read) {
        Organisation org = newOrganisation(change);
        Organisation[] saved = {null};
        return new Attempt(() -> saved[0] = AsUser.call(identity, "office", () -> organisations.save(org)),
                () -> read.apply(organisations.load(saved[0].getId())),
                () -> organisations.findByCode(org.getCode()).isEmpty());
    }

    private Attempt workRecord(String title, String description, Function<WorkRecordInputs.Saved, String> read) {
        WorkRecordInputs.Saved[] saved = {null};
        int year = 2010;
        int before = workRecords.count("cd-med", year);
        return new Attempt(() -> saved[0] = workRecords.saveExchange("cd-med", year, title, LocalDate.of(year, 5, 1),
                description, 50, 0, 1, null, null),
                () -> {
                    String value = read.apply(saved[0]);
                    workRecords.delete("cd-med", saved[0].id());
                    return value;
                },
                () -> workRecords.count("cd-med", year) == before);
    }

    private static String printable(String s) {
        return s == null ? "null" : s.replace("\u0000", "\\0");
    }

    private static String shortQuery(String s) {
        String printable = s == null ? "" : s.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }
}
