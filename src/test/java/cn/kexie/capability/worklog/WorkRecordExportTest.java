package cn.kexie.capability.worklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.ExcelFiles;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.security.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Work records exported: the office's list of every Chengdu society as filtered (nothing of them for
 * Xuzhou's office), a society's own records of a year (none of another society's).
 */
@PlatformTest
class WorkRecordExportTest {

    /** A year no other test keeps records in. */
    static final int YEAR = 2013;

    @Autowired IdentityService identity;
    @Autowired Messages messages;
    @Autowired WorkRecordService records;
    @Autowired WorkEvaluationService evaluations;
    @Autowired OrganisationService organisations;
    @Autowired CurrentUser currentUser;

    @BeforeEach
    void chineseUi() {
        VaadinTestUi.open(messages);
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void theOfficeExportsTheRecordsAsFilteredAndXuzhousOfficeNone() {
        String elec = save("cd-elec", "电子学会学术年会");
        String med = save("cd-med", "医学会学术年会");

        ExcelFiles.ReadSheet all = as("office", () -> {
            WorkRecordListView view = listView();
            view.year.setValue(YEAR);
            return ExcelFiles.sheet(view.export.content());
        });
        assertThat(all.title()).isEqualTo("学会工作记录");
        assertThat(all.subtitle()).startsWith("筛选条件：年度 " + YEAR);
        assertThat(all.headers()).containsExactly("学会", "年度", "日期", "工作类型", "名称", "分类结果",
                "参与人数（大型社会活动填公众参与人数）", "作学术报告的外省（直辖市、自治区）数", "科技人员参加的国家或地区数（含中国）", "认定依据", "材料");
        assertThat(all.texts("名称")).contains(elec, med);
        Row row = all.rowWith("名称", elec).orElseThrow();
        assertThat(all.text(row, "学会")).isEqualTo("成都电子学会");
        assertThat(all.text(row, "工作类型")).isEqualTo("学术交流活动");
        assertThat(all.text(row, "分类结果")).isEqualTo("大型综合性学术年会");
        assertThat(all.type(row, "年度")).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(all.cell(row, "日期"))).isTrue();
        assertThat(all.text(row, "日期")).isEqualTo(YEAR + "-06-15");
        assertThat(all.cell(row, "参与人数（大型社会活动填公众参与人数）").getNumericCellValue()).isEqualTo(150);
        assertThat(all.text(row, "认定依据")).startsWith("学术交流活动分类表");

        // the society filter: one society's records only
        ExcelFiles.ReadSheet one = as("office", () -> {
            WorkRecordListView view = listView();
            view.year.setValue(YEAR);
            view.society.setValue(organisations.findByCode("CD-ELEC").orElseThrow());
            return ExcelFiles.sheet(view.export.content());
        });
        assertThat(one.texts("名称")).contains(elec).doesNotContain(med);
        assertThat(one.texts("学会")).containsOnly("成都电子学会");

        // Xuzhou's office has no such page (its menu leaves it out, opening it is refused), and the search
        // the export makes finds none of Chengdu's records for it
        assertThatThrownBy(() -> as("office-xz", this::listView)).isInstanceOf(AccessDeniedException.class);
        assertThat(as("office-xz", () -> records.search(new WorkRecordRepository.Filter(YEAR, null, null, null), 0, 1000)))
                .isEmpty();
        assertThatThrownBy(() -> as("cd-elec", () -> listView().export.content())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSocietyExportsItsOwnRecordsOfTheYearOnly() {
        String own = save("cd-elec", "电子学会科技沙龙");
        String other = save("cd-med", "医学会科技沙龙");
        ExcelFiles.ReadSheet mine = as("cd-elec", () -> {
            MyWorkRecordsView view = new MyWorkRecordsView(records);
            view.year.setValue(YEAR);
            return ExcelFiles.sheet(view.export.content());
        });
        assertThat(mine.title()).isEqualTo("成都电子学会 工作记录");
        assertThat(mine.headers()).doesNotContain("学会").startsWith("年度", "日期");
        assertThat(mine.texts("名称")).contains(own).doesNotContain(other)
                .hasSize(as("cd-elec", () -> records.mine(YEAR).size()));
    }

    private WorkRecordListView listView() {
        return new WorkRecordListView(records, evaluations, organisations, currentUser);
    }

    private String save(String user, String title) {
        String unique = title + " " + UUID.randomUUID().toString().substring(0, 6);
        WorkRecordDraft draft = new WorkRecordDraft(YEAR, WorkClassifier.ACADEMIC_EXCHANGE, unique, LocalDate.of(YEAR, 6, 15));
        draft.exchange(150, 0, 1, true, true, false).fact("eventRole", "HOST");
        as(user, () -> records.save(draft, List.of(), List.of()));
        return unique;
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
