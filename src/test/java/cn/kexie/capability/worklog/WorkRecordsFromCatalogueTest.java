package cn.kexie.capability.worklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.programme.Programme;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Work records and the yearly evaluation follow the catalogue's {@code work_records} column, not a
 * city named in Java: switched on for Xuzhou's programme, Xuzhou's society keeps records and Xuzhou's
 * office reaches the list and the evaluation; switched off for Chengdu's, Chengdu's society and office
 * no longer do. The test puts the catalogue back as it found it.
 */
@PlatformTest
class WorkRecordsFromCatalogueTest {

    @Autowired WorkRecordService records;
    @Autowired WorkEvaluationService evaluations;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;

    /** The rows this test changed, with their values before. */
    private final java.util.Map<String, Boolean> before = new java.util.LinkedHashMap<>();

    @AfterEach
    void restoreTheCatalogue() {
        before.forEach((programme, was) ->
                jdbc.sql("update programme set work_records = ? where code = ?").params(was, programme).update());
    }

    private void workRecords(String programme, boolean on) {
        before.putIfAbsent(programme, jdbc.sql("select work_records from programme where code = ?").param(programme)
                .query(Boolean.class).single());
        assertThat(jdbc.sql("update programme set work_records = ? where code = ?").params(on, programme).update()).isEqualTo(1);
    }

    @Test
    void todayOnlyChengdusProgrammeKeepsWorkRecords() {
        assertThat(as("office", () -> records.myProgrammes())).extracting(Programme::code).containsExactly("CHENGDU");
        assertThat(as("cd-elec", () -> records.myOrganisation())).isPresent();
        assertThat(as("xz-mech", () -> records.myOrganisation())).isEmpty();
        assertThatThrownBy(() -> as("office-xz", () -> records.myProgrammes())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aProgrammeWhoseRowSaysSoKeepsWorkRecords() {
        workRecords("XUZHOU", true);

        assertThat(as("office-xz", () -> records.myProgrammes())).extracting(Programme::code).containsExactly("XUZHOU");
        assertThat(as("xz-mech", () -> records.myOrganisation())).get().extracting(o -> o.getCode()).isEqualTo("XZ-MECH");
        // its work types are the programme's categories in the catalogue
        assertThat(as("xz-mech", () -> records.myWorkTypes())).extracting(c -> c.code()).contains("FIRST_CLASS");
        // Xuzhou's office starts its own programme's year (no records that year: refused for that reason, not for the city)
        assertThat(refusal(() -> as("office-xz", () -> evaluations.startYear("XUZHOU", 2002))))
                .isEqualTo("worklog.error.noRecordsInYear");
        assertThat(as("office-xz", () -> evaluations.ofYear("XUZHOU", 2002))).isEmpty();
        // never another city's programme
        assertThatThrownBy(() -> as("office-xz", () -> evaluations.startYear("CHENGDU", 2002)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> records.setCutoff("CHENGDU", 2002, LocalDate.of(2002, 11, 1))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aProgrammeWhoseRowNoLongerSaysSoKeepsNone() {
        workRecords("CHENGDU", false);

        assertThat(as("cd-elec", () -> records.myOrganisation())).isEmpty();
        assertThat(refusal(() -> as("cd-elec", () -> records.save(
                new WorkRecordDraft(2003, "ACADEMIC_EXCHANGE", "目录关闭后的记录", LocalDate.of(2003, 6, 1)), List.of(), List.of()))))
                .isEqualTo("worklog.error.notChengdu");
        assertThatThrownBy(() -> as("office", () -> records.myProgrammes())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("office", () -> evaluations.startYear("CHENGDU", 2003))).isInstanceOf(AccessDeniedException.class);
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }

    private static String refusal(Supplier<?> action) {
        try {
            action.get();
        } catch (UserError refused) {
            return refused.problems().get(0).key();
        }
        throw new AssertionError("expected a refusal");
    }
}
