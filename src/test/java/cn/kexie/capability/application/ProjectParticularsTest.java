package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The 申报书's cover particulars: lead, contact and phone always, the project period where the
 * programme funds projects and within the call's last day; every problem at once, nothing saved.
 */
@PlatformTest
class ProjectParticularsTest {

    static final byte[] PDF = "%PDF-1.4\n% particulars\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired IdentityService identity;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;

    @Test
    void aSubmissionWithoutItsParticularsIsRefusedNamingEachAndStaysADraft() {
        Application app = filledWithout("缺少封面信息的申报");
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> applications.submit(app.id())))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems())
                        .extracting(p -> p.key() + p.args()[0])
                        .contains("application.error.missingapplication.field.leadName",
                                "application.error.missingapplication.field.contactName",
                                "application.error.missingapplication.field.contactPhone",
                                "application.error.missingapplication.field.period"));
        assertThat(applications.load(app.id()).status()).isEqualTo("DRAFT");
    }

    @Test
    void malformedParticularsAreRefusedAllAtOnceAndNothingIsSaved() {
        Application app = filledWithout("封面信息有误的申报");
        ApplicationDraft draft = ApplicationDraft.of(app);
        draft.setParticulars(new ProjectParticulars("王".repeat(51), null, "李华", "12345",
                PlatformClock.today(), PlatformClock.today().minusDays(1), new BigDecimal("-1")));
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> applications.saveDraft(app.id(), app.version(), draft)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactlyInAnyOrder("application.error.tooLong", "application.error.phone",
                                "application.error.period", "application.error.ownFunds"));
        assertThat(applications.load(app.id()).version()).isEqualTo(app.version());
        assertThat(AsUser.call(identity, "cz-med", () -> applications.particulars(app.id())).contactName()).isNull();
    }

    @Test
    void aProjectRunningPastTheCallsLastDayIsRefusedAtSubmission() {
        Application app = filledWithout("超期的项目");
        LocalDate lastDay = catalogue.projectEndsOn(app.callId());
        save(app, new ProjectParticulars("王明", null, "李华", "13800000000", PlatformClock.today(), lastDay.plusDays(1), null));
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> applications.submit(app.id())))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactly("application.error.periodEnds"));

        Application again = applications.load(app.id());
        save(again, new ProjectParticulars(" 王明 ", "", "李华", "0735-2881234", PlatformClock.today(), lastDay, new BigDecimal("5000")));
        AsUser.run(identity, "cz-med", () -> applications.submit(app.id()));
        assertThat(applications.load(app.id()).status()).isEqualTo("FORMAL_REVIEW");
        ProjectParticulars stored = AsUser.call(identity, "office", () -> applications.particulars(app.id()));
        assertThat(stored).isEqualTo(new ProjectParticulars("王明", null, "李华", "0735-2881234", PlatformClock.today(), lastDay,
                new BigDecimal("5000.00")));
    }

    @Test
    void onlyThoseWhoMayReadTheDossierReadItsParticulars() {
        Application app = filledWithout("他人不可见的封面信息");
        save(app, new ProjectParticulars("王明", null, "李华", "13800000000", null, null, null));
        assertThat(AsUser.call(identity, "cz-med", () -> applications.particulars(app.id())).leadName()).isEqualTo("王明");
        for (String other : List.of("cz-agri", "office-xz")) {
            assertThatThrownBy(() -> AsUser.call(identity, other, () -> applications.particulars(app.id())))
                    .as(other).isInstanceOf(AccessDeniedException.class);
        }
    }

    static Stream<Arguments> whatASubmissionNeeds() {
        LocalDate day = LocalDate.of(2026, 6, 1);
        ProjectParticulars cover = new ProjectParticulars("王明", null, "李华", "0516-80805010", null, null, null);
        ProjectParticulars withPeriod = new ProjectParticulars("王明", null, "李华", "0516-80805010", day, day.plusMonths(6), null);
        return Stream.of(
                Arguments.of("an award needs no period", cover, false, null, List.of()),
                Arguments.of("a project needs its period", cover, true, day.plusYears(1), List.of("application.field.period")),
                Arguments.of("a project within the last day", withPeriod, true, day.plusMonths(6), List.<String>of()),
                Arguments.of("a project past the last day", withPeriod, true, day.plusMonths(6).minusDays(1), List.of("periodEnds")),
                Arguments.of("nothing given", ProjectParticulars.NONE, false, null,
                        List.of("application.field.leadName", "application.field.contactName", "application.field.contactPhone")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("whatASubmissionNeeds")
    void whatASubmissionNeeds(String why, ProjectParticulars given, boolean project, LocalDate lastDay, List<String> missing) {
        assertThat(given.missing(project, lastDay)).extracting(p -> p.key().equals("application.error.missing")
                ? String.valueOf(p.args()[0]) : p.key().substring("application.error.".length()))
                .containsExactlyElementsOf(missing);
    }

    static Stream<Arguments> phones() {
        return Stream.of(Arguments.of("13800000000", true), Arguments.of("0516-80805010", true), Arguments.of("051680805010", true),
                Arguments.of("+86 13800000000", true), Arguments.of("0735-2881234-12", true), Arguments.of("80805010", true),
                Arguments.of("12345", false), Arguments.of("1380000000a", false), Arguments.of("电话", false),
                Arguments.of("138000000001", false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("phones")
    void phoneNumbersAsChineseOfficesWriteThem(String phone, boolean valid) {
        assertThat(new ProjectParticulars(null, null, null, phone, null, null, null).problems().isEmpty()).isEqualTo(valid);
    }

    private Call call() {
        return catalogue.call("CHENZHOU", PlatformClock.today().getYear()).orElseThrow();
    }

    private void save(Application app, ProjectParticulars particulars) {
        ApplicationDraft draft = ApplicationDraft.of(app);
        draft.setParticulars(particulars);
        AsUser.run(identity, "cz-med", () -> applications.saveDraft(app.id(), app.version(), draft));
    }

    /** A draft complete but for its particulars, with its material uploaded. */
    private Application filledWithout(String title) {
        Application app = AsUser.call(identity, "cz-med", () -> applications.start(call().id(), "ACADEMIC_EXCHANGE", title));
        ApplicationDraft draft = ApplicationDraft.of(app);
        draft.setAims("提升学术交流水平。");
        draft.setContent("举办学术年会。");
        draft.setSchedule("下半年实施。");
        draft.setExpectedResults("论文集一部。");
        draft.setBudget(List.of(new Application.BudgetLine("会务费", new BigDecimal("30000"), null)));
        AsUser.run(identity, "cz-med", () -> {
            applications.saveDraft(app.id(), app.version(), draft);
            attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, "cz-med");
        });
        return applications.load(app.id());
    }
}
