package cn.kexie.capability.worklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.common.UserError;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The facts each Chengdu work type states (work_record_field, seed 004 一 to 五) and the class the tables
 * give them on save: the society's role in an event, the innovation drive's requirements, a station's
 * level. Each test keeps to a year of its own.
 */
@PlatformTest
class WorkRecordFactsTest {

    @Autowired IdentityService identity;
    @Autowired WorkRecordService records;

    @Test
    void anEventTheSocietyOnlyAttendedIsNoNationalExchange() {
        WorkRecord hosted = save("cd-elec", exchange(2010, "全国电子学术大会（承办）", "CO_HOST"));
        WorkRecord attended = save("cd-elec", exchange(2010, "全国电子学术大会（参加）", "PARTICIPANT"));

        assertThat(hosted.workClass()).isEqualTo("NATIONAL");
        assertThat(attended.workClass()).as("第五部分2：由学会主办或承办的").isEqualTo("OTHER");
        assertThat(attended.facts()).containsEntry("eventRole", "PARTICIPANT");
        assertThat(attended.decisionKey()).isEqualTo(WorkClassifier.ACADEMIC_ACTIVITY_TABLE);
    }

    @Test
    void theRoleInAnEventIsRequiredAndOneOfItsChoices() {
        assertThat(problems(exchange(2010, "角色未填", null))).containsExactly("worklog.error.factMissing");
        assertThat(problems(exchange(2010, "角色无效", "SPONSOR"))).containsExactly("worklog.error.factInvalid");
        UserError refused = refusal(exchange(2010, "角色未填", null));
        assertThat(refused.problems().get(0).args()).contains("本学会在活动中的角色");
        assertThat(AsUser.call(identity, "cd-elec", () -> records.mine(2010))).as("nothing half-saved")
                .noneMatch(r -> r.title().startsWith("角色"));
    }

    @Test
    void anInnovationDriveMeetsTheGuideWithAllFiveRequirements() {
        WorkRecord met = save("cd-elec", innovation(2014, "郫都区企业技术咨询（达标）", 50));
        WorkRecord below = save("cd-elec", innovation(2014, "郫都区企业技术咨询（注册率不足）", 49));

        assertThat(met.workClass()).isEqualTo("INNOVATION_MET");
        assertThat(met.decisionKey()).isEqualTo(WorkClassifier.KEY_WORK_TABLE);
        assertThat(below.workClass()).isEqualTo("INNOVATION_UNMET");
        assertThat(problems(innovation(2014, "注册率超过100", 101))).containsExactly("worklog.error.factInvalid");
        assertThat(problems(innovation(2014, "注册率未填", null))).containsExactly("worklog.error.factMissing");
    }

    @Test
    void aStationStatesItsLevelAndNationalStationsComeFirst() {
        WorkRecord national = save("cd-elec", new WorkRecordDraft(2014, "SERVICE_STATION", "国家级电子服务站", LocalDate.of(2014, 3, 1))
                .fact("stationLevel", "NATIONAL"));
        WorkRecord municipal = save("cd-elec", new WorkRecordDraft(2014, "SERVICE_STATION", "市级电子服务站", LocalDate.of(2014, 3, 2))
                .fact("stationLevel", "MUNICIPAL").fact("eventRole", "HOST"));

        assertThat(national.workClass()).isEqualTo("STATION_NATIONAL");
        assertThat(municipal.workClass()).isEqualTo("STATION_OTHER");
        assertThat(municipal.facts()).as("the role is not a station's fact").doesNotContainKey("eventRole");
        assertThat(problems(new WorkRecordDraft(2014, "SERVICE_STATION", "层次未填", LocalDate.of(2014, 3, 3))))
                .containsExactly("worklog.error.factMissing");
    }

    @Test
    void theFactsOfARecordAreReadOnlyByThoseWhoMayReadTheRecord() {
        WorkRecord record = save("cd-elec", exchange(2010, "成都电子学会年会（读取测试）", "HOST"));

        assertThat(AsUser.call(identity, "office", () -> records.get(record.id())).facts()).containsEntry("eventRole", "HOST");
        for (String user : List.of("office-xz", "cd-med", "expert1")) {
            assertThatThrownBy(() -> AsUser.call(identity, user, () -> records.get(record.id())))
                    .as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> AsUser.call(identity, "xz-mech", () -> records.get(record.id())))
                .as("a Xuzhou society keeps no work records").isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("worklog.error.notChengdu"));
        // nor does another society change it, whatever it states
        WorkRecordDraft changed = WorkRecordDraft.of(record).fact("eventRole", "PARTICIPANT");
        assertThatThrownBy(() -> AsUser.call(identity, "cd-med", () -> records.save(changed, List.of(), List.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(AsUser.call(identity, "cd-elec", () -> records.get(record.id())).facts()).containsEntry("eventRole", "HOST");
    }

    private static WorkRecordDraft exchange(int year, String title, String role) {
        return new WorkRecordDraft(year, "ACADEMIC_EXCHANGE", title, LocalDate.of(year, 6, 15))
                .exchange(150, 7, 1, true, true, false).fact("eventRole", role);
    }

    private static WorkRecordDraft innovation(int year, String title, Integer percent) {
        return new WorkRecordDraft(year, "INNOVATION_DRIVE", title, LocalDate.of(year, 7, 1))
                .fact("enterprisePlatformRegistered", true).fact("seniorExpertsRegisteredPercent", percent)
                .fact("pilotDistrictService", true).fact("consultingTrainingService", true)
                .fact("talentFinancingService", true);
    }

    private WorkRecord save(String user, WorkRecordDraft draft) {
        return AsUser.call(identity, user, () -> records.save(draft, List.of(), List.of()));
    }

    private UserError refusal(WorkRecordDraft draft) {
        try {
            save("cd-elec", draft);
        } catch (UserError refused) {
            return refused;
        }
        throw new AssertionError("expected a refusal");
    }

    private List<String> problems(WorkRecordDraft draft) {
        return refusal(draft).problems().stream().map(UserError.Problem::key).toList();
    }
}
