package cn.kexie.capability.worklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Chengdu (2017 学会重点工作指南, 调查研究与建言献策): "成果形成日期以当年评估截止日期为准" — an outcome belongs to
 * the year of the evaluation cut-off date it precedes, a date the office sets per year; outcomes
 * formed after it count next year. The years 2005–2008 are this test's own (the context is shared).
 */
@PlatformTest
class OutcomeCutoffTest {

    @Autowired WorkRecordService records;
    @Autowired IdentityService identity;
    @Autowired WorkEvaluationService evaluations;
    @Autowired cn.kexie.capability.organisation.OrganisationService organisations;
    @Autowired cn.kexie.capability.security.CurrentUser currentUser;
    @Autowired cn.kexie.capability.common.Messages messages;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anOutcomeFormedAfterTheCutoffCountsInTheNextYearsEvaluation() {
        AsUser.run(identity, "office", () -> records.setCutoff("CHENGDU", 2006, LocalDate.of(2006, 11, 20)));
        assertThat(AsUser.call(identity, "office", () -> records.cutoff("CHENGDU", 2006))).contains(LocalDate.of(2006, 11, 20));

        // formed on the cut-off day: this year
        WorkRecord onTheDay = save(outcome(2006, "截止日当天形成的调研报告", LocalDate.of(2006, 11, 20)));
        assertThat(onTheDay.year()).isEqualTo(2006);

        // formed after it: refused under 2006, saying where it counts; saved under 2007
        assertThat(refusal(outcome(2006, "截止日后形成的建议", LocalDate.of(2006, 12, 3))))
                .singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("worklog.error.outcomeAfterCutoff");
                    assertThat(p.args()).containsExactly("2006-12-03", "2006", "2007");
                });
        WorkRecord nextYear = save(outcome(2007, "截止日后形成的建议", LocalDate.of(2006, 12, 3)));
        assertThat(nextYear.year()).isEqualTo(2007);
        assertThat(nextYear.outcomeCounts()).isTrue();

        // other work types keep the year of their date
        assertThat(refusal(new WorkRecordDraft(2007, "MAJOR_WORK", "截止日后参与的重大工作", LocalDate.of(2006, 12, 3))))
                .extracting(UserError.Problem::key).containsExactly("worklog.error.dateOutsideYear");
    }

    @Test
    void withoutACutoffAnOutcomeCountsInTheYearItWasFormed() {
        WorkRecord december = save(outcome(2005, "无截止日期年度的年末报告", LocalDate.of(2005, 12, 28)));
        assertThat(december.year()).isEqualTo(2005);
        assertThat(refusal(outcome(2006, "无截止日期年度的年末报告（次年）", LocalDate.of(2005, 12, 28))))
                .extracting(UserError.Problem::key).containsExactly("worklog.error.dateOutsideYear");
    }

    @Test
    void afterThisYearsCutoffTheApplicantRecordsOutcomesForNextYear() {
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2008, 12, 10).atTime(10, 0).atZone(PlatformClock.ZONE).toInstant()));
        assertThat(AsUser.call(identity, "cd-elec", () -> records.myYears())).doesNotContain(2009);
        AsUser.run(identity, "office", () -> records.setCutoff("CHENGDU", 2008, LocalDate.of(2008, 11, 30)));

        assertThat(AsUser.call(identity, "cd-elec", () -> records.myYears())).contains(2009, 2008);
        WorkRecord saved = save(outcome(2009, "年末形成的专报", LocalDate.of(2008, 12, 8)));
        assertThat(saved.year()).isEqualTo(2009);
        assertThat(refusal(new WorkRecordDraft(2009, "MAJOR_WORK", "明年的重大工作", LocalDate.of(2008, 12, 8))))
                .extracting(UserError.Problem::key).contains("worklog.error.year");
    }

    @Test
    void onlyTheOfficeOfChengduSetsTheCutoffAndOnlyADayOfThatYear() {
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> records.setCutoff("CHENGDU", 2007, LocalDate.of(2007, 11, 1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "cd-elec", () -> records.setCutoff("CHENGDU", 2007, LocalDate.of(2007, 11, 1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "expert1", () -> records.setCutoff("CHENGDU", 2007, LocalDate.of(2007, 11, 1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> records.setCutoff("CHENGDU", 2007, LocalDate.of(2008, 1, 5))))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("worklog.error.cutoff"));
        assertThat(AsUser.call(identity, "office", () -> records.cutoff("CHENGDU", 2007))).isEmpty();
    }

    @Test
    void theOfficeSetsTheCutoffOnItsListOfRecords() {
        cn.kexie.capability.VaadinTestUi.open(messages);
        try {
            AsUser.run(identity, "office", () -> {
                WorkRecordListView view = new WorkRecordListView(records, evaluations, organisations, currentUser);
                assertThat(view.cutoff.isVisible()).isTrue();
                assertThat(view.cutoff.getLabel()).isEqualTo("本年度评估截止日期");
                view.year.setValue(2006);
                view.cutoff.setValue(LocalDate.of(2006, 11, 20));
                view.saveCutoff.click();
                assertThat(records.cutoff("CHENGDU", 2006)).contains(LocalDate.of(2006, 11, 20));
                view.year.setValue(2007);
                assertThat(view.cutoff.getValue()).as("2007 has none").isNull();
            });
            AsUser.run(identity, "manager", () -> {
                WorkRecordListView view = new WorkRecordListView(records, evaluations, organisations, currentUser);
                assertThat(view.cutoff.isVisible()).as("managers watch, they do not set").isFalse();
                assertThat(view.saveCutoff.isVisible()).isFalse();
            });
        } finally {
            cn.kexie.capability.VaadinTestUi.close();
        }
    }

    static WorkRecordDraft outcome(int year, String title, LocalDate formedOn) {
        WorkRecordDraft d = new WorkRecordDraft(year, "RESEARCH_ADVICE", title, formedOn);
        d.setPublishedInJournal(true);
        return d;
    }

    WorkRecord save(WorkRecordDraft draft) {
        return AsUser.call(identity, "cd-elec", () -> records.save(draft, List.of(), List.of()));
    }

    List<UserError.Problem> refusal(WorkRecordDraft draft) {
        try {
            save(draft);
        } catch (UserError refused) {
            return refused.problems();
        }
        throw new AssertionError("saved: expected a refusal");
    }
}
