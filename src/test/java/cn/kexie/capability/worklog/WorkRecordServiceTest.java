package cn.kexie.capability.worklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.workflow.ChengduEvaluation;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Work records through the service the views call, on the whole application, as the demo users:
 * classification on save by the deployed tables, refusals with every problem at once and nothing
 * saved, two Chengdu societies that never reach each other's records, and the lock of a year whose
 * evaluation has started. Each test keeps to years of its own, since the context is shared.
 */
@PlatformTest
class WorkRecordServiceTest {

    static final byte[] PDF = "%PDF-1.4\n% evidence\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};

    @Autowired WorkRecordService records;
    @Autowired WorkEvaluationService evaluations;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired JdbcClient jdbc;

    // ---------------------------------------------------------------- classification on save

    @Test
    void anAnnualConferenceOf100WithForumsAndMaterialsIsClassifiedAsAnnualConference() {
        WorkRecord saved = save("cd-elec", exchange(2024, "2024年学术年会", 100, 2, 1, true, true, false));

        assertThat(saved.activityClass()).isEqualTo("ANNUAL_CONFERENCE");
        assertThat(saved.workClass()).isEqualTo("ANNUAL_CONFERENCE");
        assertThat(saved.outcomeCounts()).isNull();
        assertThat(saved.decisionKey()).isEqualTo("chengdu-academic-activity");
        assertThat(saved.decisionVersion()).isEqualTo(latestVersion("chengdu-academic-activity"));
        assertThat(saved.classifiedAt()).isNotNull();
        assertThat(saved.organisationCode()).isEqualTo("CD-ELEC");
    }

    @Test
    void ninetyNineParticipantsAreOneShortOfAnAnnualConference() {
        WorkRecord saved = save("cd-elec", exchange(2024, "99人的年会", 99, 2, 1, true, true, false));

        assertThat(saved.activityClass()).isEqualTo("OTHER");
    }

    @Test
    void scientistsFromThreeCountriesMakeItInternational() {
        WorkRecord saved = save("cd-elec", exchange(2024, "中德法三国电子技术研讨会", 20, 0, 3, false, false, false));

        assertThat(saved.activityClass()).isEqualTo("INTERNATIONAL");
    }

    @Test
    void aResearchReportPublishedInAJournalCountsAsAnOutcome() {
        WorkRecordDraft published = new WorkRecordDraft(2024, "RESEARCH_ADVICE", "成都电子信息产业调研报告", LocalDate.of(2024, 5, 6));
        published.setPublishedInJournal(true);
        WorkRecordDraft unpublished = new WorkRecordDraft(2024, "RESEARCH_ADVICE", "尚未成果化的调研", LocalDate.of(2024, 5, 7));

        WorkRecord counts = save("cd-elec", published);
        WorkRecord notYet = save("cd-elec", unpublished);

        assertThat(counts.outcomeCounts()).isTrue();
        assertThat(counts.workClass()).isEqualTo(WorkClassifier.OUTCOME);
        assertThat(counts.decisionKey()).isEqualTo("chengdu-research-outcome");
        assertThat(counts.activityClass()).isNull();
        assertThat(notYet.outcomeCounts()).isFalse();
        assertThat(notYet.workClass()).isEqualTo(WorkClassifier.NO_OUTCOME);
    }

    @Test
    void otherWorkTypesAreNotClassifiedAndKeepNoExchangeFacts() {
        WorkRecordDraft draft = new WorkRecordDraft(2024, "MAJOR_WORK", "郫都区科技扶贫", LocalDate.of(2024, 3, 1));
        draft.exchange(500, 10, 5, true, true, true).fact("eventRole", "HOST");

        WorkRecord saved = save("cd-elec", draft);

        assertThat(saved.workClass()).as("chengdu-key-work has no rows for MAJOR_WORK").isNull();
        assertThat(saved.decisionKey()).isNull();
        assertThat(saved.facts()).as("a fact its type does not ask for is not kept").isEmpty();
        assertThat(saved.participants()).isNull();
        assertThat(saved.countries()).isNull();
    }

    @Test
    void everyEditIsClassifiedAgain() {
        WorkRecord first = save("cd-elec", exchange(2024, "年会（初稿）", 100, 0, 1, true, true, false));
        assertThat(first.activityClass()).isEqualTo("ANNUAL_CONFERENCE");

        WorkRecordDraft fewer = WorkRecordDraft.of(first);
        fewer.setParticipants(99);
        WorkRecord second = save("cd-elec", fewer);
        assertThat(second.activityClass()).isEqualTo("OTHER");
        assertThat(second.version()).isEqualTo(first.version() + 1);

        WorkRecordDraft retyped = WorkRecordDraft.of(second);
        retyped.setWorkType("MAJOR_WORK");
        WorkRecord third = save("cd-elec", retyped);
        assertThat(third.activityClass()).isNull();
        assertThat(third.participants()).isNull();
        assertThat(third.decisionKey()).isNull();
    }

    @Test
    void theTableVersionInForceAtSaveTimeDecides() throws Exception {
        WorkRecord before = save("cd-elec", exchange(2023, "60人的年会", 60, 0, 1, true, true, false));
        assertThat(before.activityClass()).isEqualTo("OTHER");
        int oldVersion = before.decisionVersion();

        // the office lowers the threshold to 50 in the Modeler and deploys the table
        String lowered = Files.readString(Path.of("decisions", "chengdu-academic-activity.dmn"))
                .replace("&gt;= 100", "&gt;= 50");
        String deployment = repositoryService.createDeployment().name("lowered threshold")
                .addInputStream("chengdu-academic-activity.dmn", new ByteArrayInputStream(lowered.getBytes(StandardCharsets.UTF_8)))
                .deploy().getId();
        try {
            WorkRecord untouched = as("cd-elec", () -> records.get(before.id()));
            assertThat(untouched.activityClass()).as("a saved record keeps its class until saved again").isEqualTo("OTHER");
            assertThat(untouched.decisionVersion()).isEqualTo(oldVersion);

            WorkRecord resaved = save("cd-elec", WorkRecordDraft.of(untouched));
            assertThat(resaved.activityClass()).isEqualTo("ANNUAL_CONFERENCE");
            assertThat(resaved.decisionVersion()).isEqualTo(oldVersion + 1);
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
        WorkRecord afterwards = save("cd-elec", WorkRecordDraft.of(as("cd-elec", () -> records.get(before.id()))));
        assertThat(afterwards.activityClass()).isEqualTo("OTHER");
        assertThat(afterwards.decisionVersion()).isEqualTo(oldVersion);
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void aRecordWithoutTypeTitleOrDateIsRefusedWithEveryProblemAtOnce() {
        int before = countOf("CD-ELEC", 2022);
        WorkRecordDraft empty = new WorkRecordDraft(2022, null, "  ", null);

        assertThat(problems("cd-elec", empty)).containsExactlyInAnyOrder("worklog.error.type", "worklog.error.title",
                "worklog.error.dateMissing");
        assertThat(countOf("CD-ELEC", 2022)).isEqualTo(before);
    }

    @Test
    void aDateOutsideTheRecordsYearOrAfterTodayIsRefused() {
        assertThat(problems("cd-elec", new WorkRecordDraft(2022, "MAJOR_WORK", "科技扶贫", LocalDate.of(2021, 12, 31))))
                .containsExactly("worklog.error.dateOutsideYear");
        LocalDate tomorrow = PlatformClock.today().plusDays(1);
        int thisYear = PlatformClock.today().getYear();
        assertThat(problems("cd-elec", new WorkRecordDraft(tomorrow.getYear(), "MAJOR_WORK", "明天的活动", tomorrow)))
                .containsAnyOf("worklog.error.dateInFuture", "worklog.error.year");
        assertThat(problems("cd-elec", new WorkRecordDraft(thisYear + 1, "MAJOR_WORK", "明年的活动",
                LocalDate.of(thisYear + 1, 1, 1)))).contains("worklog.error.year");
        assertThat(problems("cd-elec", new WorkRecordDraft(2022, "NO_SUCH_TYPE", "未知类型", LocalDate.of(2022, 1, 5))))
                .containsExactly("worklog.error.type");
        assertThat(problems("cd-elec", new WorkRecordDraft(2022, "MAJOR_WORK", "长".repeat(201), LocalDate.of(2022, 1, 5))))
                .containsExactly("worklog.error.title");
    }

    @Test
    void anAcademicExchangeNeedsItsParticipantsProvincesAndCountries() {
        assertThat(problems("cd-elec", exchange(2022, "缺人数", null, null, null, false, false, false)))
                .containsExactlyInAnyOrder("worklog.error.participants", "worklog.error.otherProvinces",
                        "worklog.error.countries");
        assertThat(problems("cd-elec", exchange(2022, "越界", 0, 34, 0, false, false, false)))
                .containsExactlyInAnyOrder("worklog.error.participants", "worklog.error.otherProvinces",
                        "worklog.error.countries");
        assertThat(problems("cd-elec", exchange(2022, "在界内", 1, 33, 1, false, false, false))).isEmpty();
    }

    @Test
    void evidenceIsStoredWithItsSha256AndReadBackByItsSociety() throws Exception {
        WorkRecord saved = save("cd-elec", exchange(2022, "带材料的沙龙", 30, 0, 1, false, false, false),
                new EvidenceFiles.Upload("签到表.pdf", PDF), new EvidenceFiles.Upload("现场照片.png", PNG));

        assertThat(saved.fileCount()).isEqualTo(2);
        List<EvidenceFiles.Stored> files = as("cd-elec", () -> records.files(saved.id()));
        assertThat(files).extracting(EvidenceFiles.Stored::fileName).containsExactly("签到表.pdf", "现场照片.png");
        EvidenceFiles.Stored pdf = files.get(0);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
        assertThat(as("cd-elec", () -> records.fileContent(saved.id(), pdf.id()))).isEqualTo(PDF);
        assertThat(as("office", () -> records.fileContent(saved.id(), pdf.id()))).isEqualTo(PDF);

        WorkRecord withoutPhoto = AsUser.call(identity, "cd-elec", () -> records.save(WorkRecordDraft.of(saved),
                List.of(), List.of(files.get(1).id())));
        assertThat(withoutPhoto.fileCount()).isEqualTo(1);
    }

    @Test
    void evidenceOfAnotherKindOrDisguisedOrTooLargeIsRefusedAndNothingIsSaved() {
        int before = countOf("CD-ELEC", 2021);
        WorkRecordDraft draft = exchange(2021, "材料有误的活动", 30, 0, 1, false, false, false);

        assertThat(problems("cd-elec", draft, new EvidenceFiles.Upload("setup.exe", PDF)))
                .containsExactly("attachment.error.type");
        assertThat(problems("cd-elec", draft, new EvidenceFiles.Upload("改名的图片.pdf", PNG)))
                .containsExactly("attachment.error.content");
        assertThat(problems("cd-elec", draft, new EvidenceFiles.Upload("空.pdf", new byte[0])))
                .containsExactly("attachment.error.empty");
        byte[] tooLarge = new byte[EvidenceFiles.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, tooLarge, 0, PDF.length);
        assertThat(problems("cd-elec", draft, new EvidenceFiles.Upload("太大.pdf", tooLarge)))
                .containsExactly("attachment.error.size");
        byte[] justRight = new byte[EvidenceFiles.MAX_BYTES];
        System.arraycopy(PDF, 0, justRight, 0, PDF.length);
        assertThat(problems("cd-elec", new WorkRecordDraft(2021, "MAJOR_WORK", "标题太长".repeat(60), LocalDate.of(2021, 3, 3)),
                new EvidenceFiles.Upload("正好20MB.pdf", justRight))).containsExactly("worklog.error.title");
        assertThat(countOf("CD-ELEC", 2021)).as("nothing of a refused save is kept").isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from work_record_file f join work_record r on r.id = f.work_record_id "
                + "where r.record_year = 2021").query(Integer.class).single()).isZero();
    }

    // ---------------------------------------------------------------- who sees what

    @Test
    void aSocietyNeverReadsOrChangesAnotherSocietysRecordsWhateverIdItSends() {
        WorkRecord elec = save("cd-elec", exchange(2020, "电子学会年会", 150, 3, 2, true, true, false),
                new EvidenceFiles.Upload("议程.pdf", PDF));
        WorkRecord med = save("cd-med", exchange(2020, "医学会年会", 120, 0, 1, true, true, false));
        long fileId = as("cd-elec", () -> records.files(elec.id())).get(0).id();

        assertThat(as("cd-med", () -> records.mine(2020))).extracting(WorkRecord::id).contains(med.id())
                .doesNotContain(elec.id());
        assertThat(as("cd-elec", () -> records.mine(2020))).extracting(WorkRecord::id).contains(elec.id())
                .doesNotContain(med.id());
        assertThatThrownBy(() -> as("cd-med", () -> records.get(elec.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("cd-med", () -> records.files(elec.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("cd-med", () -> records.fileContent(elec.id(), fileId)))
                .isInstanceOf(AccessDeniedException.class);
        WorkRecordDraft hijack = WorkRecordDraft.of(elec);
        hijack.setTitle("被他人改写");
        assertThatThrownBy(() -> save("cd-med", hijack)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "cd-med", () -> records.delete(elec.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "cd-med", () -> records.search(filter(2020), 0, 50)))
                .isInstanceOf(AccessDeniedException.class);

        WorkRecord unchanged = as("cd-elec", () -> records.get(elec.id()));
        assertThat(unchanged.title()).isEqualTo("电子学会年会");
        assertThat(unchanged.organisationCode()).isEqualTo("CD-ELEC");
        assertThat(unchanged.fileCount()).isEqualTo(1);
    }

    @Test
    void onlyChengduSocietiesKeepWorkRecordsAndStaffDoNotWriteThem() {
        assertThat(as("cz-med", () -> records.myOrganisation())).isEmpty();
        assertThatThrownBy(() -> save("cz-med", exchange(2020, "郴州的活动", 100, 0, 1, true, true, false)))
                .isInstanceOf(UserError.class).extracting(e -> ((UserError) e).problems().get(0).key())
                .isEqualTo("worklog.error.notChengdu");
        assertThatThrownBy(() -> save("office", exchange(2020, "学会部代填", 100, 0, 1, true, true, false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("expert1", () -> records.search(filter(2020), 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as("cd-elec", () -> records.myOrganisation())).get().extracting(o -> o.getCode()).isEqualTo("CD-ELEC");
    }

    @Test
    void theOfficeFiltersEverySocietysRecordsByYearTypeClassAndSociety() {
        WorkRecord elec = save("cd-elec", exchange(2025, "国际电子论坛", 80, 0, 4, false, false, false));
        WorkRecord med = save("cd-med", exchange(2025, "全国医学大会", 300, 8, 1, true, true, false));
        WorkRecordDraft research = new WorkRecordDraft(2025, "RESEARCH_ADVICE", "医改建议", LocalDate.of(2025, 9, 1));
        research.setMotionOrProposal(true);
        WorkRecord proposal = save("cd-med", research);
        long medId = med.organisationId();

        assertThat(as("office", () -> records.search(filter(2025), 0, 100))).extracting(WorkRecord::id)
                .contains(elec.id(), med.id(), proposal.id());
        assertThat(as("manager", () -> records.search(new WorkRecordRepository.Filter(2025, null, "INTERNATIONAL", null), 0, 100)))
                .extracting(WorkRecord::id).contains(elec.id()).doesNotContain(med.id(), proposal.id());
        assertThat(as("office", () -> records.search(new WorkRecordRepository.Filter(2025, null, "NATIONAL", medId), 0, 100)))
                .extracting(WorkRecord::id).containsExactly(med.id());
        assertThat(as("office", () -> records.search(new WorkRecordRepository.Filter(2025, "RESEARCH_ADVICE", WorkClassifier.OUTCOME, null), 0, 100)))
                .extracting(WorkRecord::id).contains(proposal.id()).doesNotContain(elec.id(), med.id());
        assertThat(as("office", () -> records.count(new WorkRecordRepository.Filter(2025, "ACADEMIC_EXCHANGE", null, medId))))
                .isEqualTo(1);
        assertThat(as("office", () -> records.search(filter(2025), 0, 1))).hasSize(1);
    }

    @Test
    void anOfficeOfAnotherCityNeitherListsNorOpensChengdusRecordsNorStartsItsEvaluation() {
        WorkRecord record = save("cd-elec", exchange(2021, "成都电子学会2021年会", 120, 1, 1, true, true, false));

        assertThat(as("office-xz", () -> records.search(filter(2021), 0, 100))).isEmpty();
        assertThat(as("office-xz", () -> records.count(filter(2021)))).isZero();
        assertThatThrownBy(() -> as("office-xz", () -> records.get(record.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("office-xz", () -> records.files(record.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("office-xz", () -> evaluations.ofYear("CHENGDU", 2021))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("office-xz", () -> evaluations.startYear("CHENGDU", 2021))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from work_evaluation where evaluation_year = 2021").query(Integer.class).single())
                .isZero();

        // Chengdu's office (here: the office of all five cities) does
        assertThat(as("office", () -> records.search(filter(2021), 0, 100))).extracting(WorkRecord::id).contains(record.id());
        assertThat(as("office", () -> records.get(record.id())).title()).isEqualTo("成都电子学会2021年会");
    }

    // ---------------------------------------------------------------- the lock

    @Test
    void aYearsRecordsAreLockedOnceItsEvaluationHasStartedAndStartingAgainStartsNothing() {
        WorkRecord elec = save("cd-elec", exchange(2019, "2019年会", 100, 0, 1, true, true, false));
        assertThat(as("cd-elec", () -> records.isLocked(2019))).isFalse();
        assertThatThrownBy(() -> as("cd-elec", () -> evaluations.startYear("CHENGDU", 2019))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("manager", () -> evaluations.startYear("CHENGDU", 2019))).isInstanceOf(AccessDeniedException.class);

        WorkEvaluationService.StartResult first = as("office", () -> evaluations.startYear("CHENGDU", 2019));
        assertThat(first.started()).isGreaterThanOrEqualTo(1);
        assertThat(as("cd-elec", () -> records.isLocked(2019))).isTrue();
        assertThat(lockedRefusal(() -> save("cd-elec", exchange(2019, "补录的活动", 50, 0, 1, false, false, false))))
                .isEqualTo("worklog.error.locked");
        WorkRecordDraft change = WorkRecordDraft.of(elec);
        change.setParticipants(99);
        assertThat(lockedRefusal(() -> save("cd-elec", change))).isEqualTo("worklog.error.locked");
        assertThat(lockedRefusal(() -> {
            AsUser.run(identity, "cd-elec", () -> records.delete(elec.id()));
            return null;
        })).isEqualTo("worklog.error.locked");
        assertThat(as("cd-elec", () -> records.get(elec.id())).participants()).isEqualTo(100);
        assertThat(as("cd-elec", () -> records.isLocked(2018 + 2))).as("other years stay open").isFalse();

        WorkEvaluationService.StartResult again = as("office", () -> evaluations.startYear("CHENGDU", 2019));
        assertThat(again.started()).isZero();
        assertThat(again.alreadyStarted()).isEqualTo(first.started());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ChengduEvaluation.PROCESS_KEY)
                .processInstanceBusinessKey(ChengduEvaluation.businessKey("CHENGDU", 2019, "CD-ELEC")).count()).isEqualTo(1);
        assertThat(as("office", () -> evaluations.ofYear("CHENGDU", 2019))).extracting(WorkEvaluation::organisationCode)
                .contains("CD-ELEC");
    }

    @Test
    void aYearWithoutRecordsOrInTheFutureHasNothingToEvaluate() {
        assertThat(lockedRefusal(() -> as("office", () -> evaluations.startYear("CHENGDU", 2001)))).isEqualTo("worklog.error.noRecordsInYear");
        int next = PlatformClock.today().getYear() + 1;
        assertThat(lockedRefusal(() -> as("office", () -> evaluations.startYear("CHENGDU", next)))).isEqualTo("worklog.error.evaluationYear");
    }

    @Test
    void theViewsAreForApplicantsAndForTheOfficeRespectively() {
        var checker = new AccessAnnotationChecker();
        assertThat(checker.hasAccess(MyWorkRecordsView.class, () -> "cd-elec", Set.of("applicant")::contains)).isTrue();
        assertThat(checker.hasAccess(WorkRecordListView.class, () -> "cd-elec", Set.of("applicant")::contains)).isFalse();
        for (String role : List.of("programme-office", "camunda-admin", "manager")) {
            assertThat(checker.hasAccess(WorkRecordListView.class, () -> "staff", Set.of(role)::contains)).as(role).isTrue();
        }
        assertThat(checker.hasAccess(WorkRecordListView.class, () -> "expert1", Set.of("expert")::contains)).isFalse();
        assertThat(checker.hasAccess(MyWorkRecordsView.class, () -> "office", Set.of("programme-office")::contains)).isFalse();
    }

    // ---------------------------------------------------------------- helpers

    static WorkRecordDraft exchange(int year, String title, Integer participants, Integer provinces, Integer countries,
            boolean forums, boolean materials, boolean publicEvent) {
        return new WorkRecordDraft(year, "ACADEMIC_EXCHANGE", title, LocalDate.of(year, 6, 15))
                .exchange(participants, provinces, countries, forums, materials, publicEvent).fact("eventRole", "HOST");
    }

    private WorkRecord save(String user, WorkRecordDraft draft, EvidenceFiles.Upload... files) {
        return AsUser.call(identity, user, () -> records.save(draft, List.of(files), List.of()));
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }

    /** The message keys of a refused save; empty if it was saved (then it is deleted again). */
    private List<String> problems(String user, WorkRecordDraft draft, EvidenceFiles.Upload... files) {
        try {
            WorkRecord saved = save(user, draft, files);
            AsUser.run(identity, user, () -> records.delete(saved.id()));
            return List.of();
        } catch (UserError refused) {
            return refused.problems().stream().map(UserError.Problem::key).toList();
        }
    }

    private static String lockedRefusal(Supplier<?> action) {
        try {
            action.get();
        } catch (UserError refused) {
            return refused.problems().get(0).key();
        }
        throw new AssertionError("expected a refusal");
    }

    private int countOf(String code, int year) {
        return jdbc.sql("select count(*) from work_record r join organisation o on o.id = r.organisation_id "
                + "where o.code = ? and r.record_year = ?").params(code, year).query(Integer.class).single();
    }

    private int latestVersion(String key) {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
                .singleResult().getVersion();
    }

    private static WorkRecordRepository.Filter filter(int year) {
        return new WorkRecordRepository.Filter(year, null, null, null);
    }
}
