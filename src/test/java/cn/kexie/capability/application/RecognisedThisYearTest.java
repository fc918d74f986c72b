package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.TestSocieties;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.organisation.OrganisationType;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.CallCategory;
import cn.kexie.capability.programme.CallQuota;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lianyungang's 综合示范学会奖 (连科协〔2017〕15号 四（一）1): "年内获批市科协认定的‘科技服务站’或‘承接职能示范工程’
 * 一项以上". A station or function project the platform itself awarded the society this year counts
 * without a declaration, in the process's eligibility check and in the precheck alike; a chief expert
 * does not count, nor an award of another year. Also 六、1 and 2 (理事会决议, 责任人) on the process path.
 */
@PlatformTest
class RecognisedThisYearTest {

    static final int YEAR = 2063;
    static final String RECOGNISED = "年内须获批市科协认定的“科技服务站”或“承接职能示范工程”一项以上";
    static final byte[] PDF = "%PDF-1.4 年内获批测试".getBytes(StandardCharsets.UTF_8);

    @Autowired IdentityService identity;
    @Autowired ManagementService managementService;
    @Autowired ProgrammeCatalogue catalogue;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired EligibilityPrecheck precheck;
    @Autowired OrganisationService organisations;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aStationAwardedOnThePlatformThisYearCountsForTheDemoSocietyAward() {
        Call call = call();
        String user = society("LYG-RECOG-A");
        assertThat(AsUser.call(identity, user, () -> precheck.reasons(call.id(), "DEMO_SOCIETY_AWARD"))).contains(RECOGNISED);

        // a chief expert awarded this year is neither a station nor a function project
        awarded(user, call, "CHIEF_EXPERT", "首席专家（年内获批测试）");
        assertThat(AsUser.call(identity, user, () -> precheck.reasons(call.id(), "DEMO_SOCIETY_AWARD"))).contains(RECOGNISED);

        // a station awarded this year: the precheck and the process's check see it without a declaration
        awarded(user, call, "SERVICE_STATION", "药学服务站（年内获批测试）");
        assertThat(AsUser.call(identity, user, () -> precheck.reasons(call.id(), "DEMO_SOCIETY_AWARD"))).doesNotContain(RECOGNISED);
        Application demo = submitted(user, call, "DEMO_SOCIETY_AWARD", "综合示范学会（年内获批测试）", demoFacts(true));
        assertThat(demo.declared()).doesNotContainKey("recognisedStationOrFunctionThisYear");
        assertThat(eligibility(demo)).isEmpty();
        assertThat(demo.status()).isEqualTo("FORMAL_REVIEW");
    }

    @Test
    void withoutAStationTheDemoSocietyAwardIsNotAcceptedAndBoardResolutionAndPersonResponsibleAreRead() {
        Call call = call();
        String user = society("LYG-RECOG-B");
        // an award of the same kind in an earlier year does not count for this year
        Application earlier = AsUser.call(identity, user, () -> applications.start(call.id(), "SERVICE_STATION", "去年的服务站（年内获批测试）"));
        jdbc.sql("update application set status = 'AWARD_PAID', call_id = (select id from programme_call where programme_code = 'LIANYUNGANG' and call_year = ?) where id = ?")
                .params(earlierCallYear(), earlier.id()).update();

        Map<String, Object> facts = demoFacts(false);
        facts.put("boardResolution", false);
        Application demo = submitted(user, call, "DEMO_SOCIETY_AWARD", "综合示范学会（未获批测试）", facts);
        assertThat(demo.status()).isEqualTo("NOT_ACCEPTED");
        assertThat(eligibility(demo)).containsExactlyInAnyOrder(RECOGNISED,
                "项目申报须经学会理事会（常务理事会）或企事业科协领导班子研究通过，请上传决议并勾选");
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, Object> demoFacts(boolean boardResolution) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("softScienceOrAdoptedAdvice", true);
        facts.put("boardResolution", boardResolution);
        facts.put("responsiblePerson", "李秘书长（年内获批测试）");
        return facts;
    }

    /**
     * An application of the society awarded and paid in the call: set directly, standing for the
     * award season the season tests drive ({@code AwardSeasonTest}); what matters here is what the
     * eligibility facts make of it.
     */
    void awarded(String user, Call call, String category, String title) {
        Application app = AsUser.call(identity, user, () -> applications.start(call.id(), category, title));
        jdbc.sql("update application set status = 'AWARD_PAID' where id = ?").param(app.id()).update();
    }

    Application submitted(String user, Call call, String category, String title, Map<String, Object> declared) {
        Application app = AsUser.call(identity, user, () -> applications.start(call.id(), category, title));
        ApplicationDraft draft = new ApplicationDraft();
        draft.setParticulars(cn.kexie.capability.FilledParticulars.of());
        draft.setTitle(title);
        draft.setAims("示范引领。");
        draft.setContent("学术交流、科技服务。");
        draft.setSchedule("全年。");
        draft.setExpectedResults("成效显著。");
        draft.setBudget(List.of(new Application.BudgetLine("活动费", new BigDecimal("8000"), null)));
        draft.setDeclared(new LinkedHashMap<>(declared));
        AsUser.run(identity, user, () -> applications.saveDraft(app.id(), app.version(), draft));
        AsUser.run(identity, user, () -> attachments.store(app.id(), Attachment.Kind.APPLICATION, "申报书.pdf", PDF, user));
        AsUser.run(identity, user, () -> applications.submit(app.id()));
        return applications.load(app.id());
    }

    List<String> eligibility(Application app) {
        return AsUser.call(identity, "office", () -> applications.events(app.id())).stream()
                .filter(e -> "eligibility".equals(e.step())).reduce((a, b) -> b).map(e -> e.data().get("reasons"))
                .map(r -> ((List<?>) r).stream().map(String::valueOf).toList()).orElseThrow();
    }

    /** Lianyungang's call of the test year, open in all four awards (made once per database). */
    Call call() {
        at(YEAR, 6, 1);
        return catalogue.call("LIANYUNGANG", YEAR).orElseGet(() -> AsUser.call(identity, "office", () -> {
            Call c = catalogue.createCall("LIANYUNGANG", YEAR, YEAR + "年度连云港市提升能力活动（年内获批测试）", LocalDate.of(YEAR, 3, 16));
            for (String category : List.of("DEMO_SOCIETY_AWARD", "SERVICE_STATION", "CHIEF_EXPERT", "FUNCTION_DEMO")) {
                catalogue.saveCallCategory(new CallCategory(c.id(), category, LocalDate.of(YEAR, 3, 16),
                        LocalDate.of(YEAR, 11, 30), 10, new BigDecimal("3000")));
                catalogue.saveQuota(new CallQuota(c.id(), category, 0, 10));
            }
            Call created = catalogue.call(c.id()).orElseThrow();
            at(YEAR, 3, 16);
            managementService.createJobQuery().processInstanceId(created.processInstanceId()).timers().executable().list()
                    .forEach(job -> managementService.executeJob(job.getId()));
            at(YEAR, 6, 1);
            return created;
        }));
    }

    /** An earlier Lianyungang call (another year), for an award that is not of this year. */
    int earlierCallYear() {
        int earlier = YEAR - 1;
        if (catalogue.call("LIANYUNGANG", earlier).isEmpty()) {
            AsUser.run(identity, "office", () -> catalogue.createCall("LIANYUNGANG", earlier,
                    earlier + "年度连云港市提升能力活动（年内获批测试）", LocalDate.of(earlier, 3, 16)));
        }
        return earlier;
    }

    /** A Lianyungang society meeting every register condition of the 综合示范学会奖 in the test year, with an applicant. */
    String society(String code) {
        if (TestSocieties.exists(identity, code)) {
            return TestSocieties.applicantOf(code);
        }
        Organisation org = new Organisation();
        org.setCode(code);
        org.setName("连云港市年内获批测试学会" + code.substring(code.length() - 1));
        org.setCityCode("LIANYUNGANG");
        org.setType(OrganisationType.MUNICIPAL_SOCIETY);
        org.setRating(3);
        org.setHasWebsiteAndMemberDb(true);
        org.setContactName("联系人");
        org.setContactPhone("0518-85800000");
        org.setInspections(List.of(new Organisation.YearResult(YEAR - 2, true), new Organisation.YearResult(YEAR - 1, true)));
        org.setBankName("中国银行连云港分行");
        org.setBankAccountName(org.getName());
        org.setBankAccountNo("43000000000000071" + (int) code.charAt(code.length() - 1));
        return TestSocieties.register(identity, organisations, org);
    }

    static void at(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 9, 0).atZone(PlatformClock.ZONE).toInstant()));
    }
}
