package cn.kexie.capability.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.server.VaadinService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The administrator's view driven as a person would, without a browser: a UI with the platform's
 * messages in Chinese, components filled and buttons' actions called. Years 2034 and 2036 are made
 * up for this test.
 */
@PlatformTest
@WithMockUser(username = "admin", roles = Roles.ADMIN)
class WorkingCalendarViewTest {

    @Autowired
    WorkingCalendarService service;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    Messages messages;
    @Autowired
    WorkingCalendarRepository repository;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void chineseUi() {
        VaadinService vaadin = mock(VaadinService.class);
        Instantiator instantiator = mock(Instantiator.class);
        when(vaadin.getInstantiator()).thenReturn(instantiator);
        when(instantiator.getI18NProvider()).thenReturn(messages);
        VaadinService.setCurrent(vaadin);
        UI ui = new UI();
        ui.setLocale(Messages.CHINESE);
        UI.setCurrent(ui);
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
        VaadinService.setCurrent(null);
        TestYears.forget(jdbc, repository, 2034, 2036);
    }

    @Test
    void importingJsonRefusesMistakesThenSavesAndMarksTheMonth() {
        WorkingCalendarView view = new WorkingCalendarView(service, workingDays);
        ArrangementEditor editor = view.editor();
        editor.year.setValue(2034);
        editor.json.setValue(json2034("2034-01-09"));
        editor.importJson();

        assertThat(editor.problems.getText()).isEqualTo("""
                未保存任何内容，请修改以下问题：
                2034-01-09 不是周六或周日：调休上班日只能是周末（周一至周五本来就是工作日）。""");
        assertThat(workingDays.isArranged(2034)).isFalse();

        editor.json.setValue(json2034("2034-01-07"));
        editor.importJson();

        assertThat(editor.problems.getText()).isEmpty();
        assertThat(workingDays.isArranged(2034)).isTrue();
        assertThat(view.years().getGenericDataView().getItems()).extracting(ArrangedYear::year).contains(2034);

        view.month().show(YearMonth.of(2034, 1));
        assertThat(text(view.month(), "calendar-month-title")).isEqualTo("2034年1月");
        assertThat(text(view.month(), "calendar-month-status")).isEqualTo("2034 年已载入国务院节假日安排。");
        assertThat(cell(view.month(), "2034-01-02").getClassNames()).containsExactly("holiday");
        assertThat(cell(view.month(), "2034-01-07").getClassNames()).containsExactly("make-up-working-day");
        assertThat(cell(view.month(), "2034-01-08").getClassNames()).containsExactly("weekend");
        assertThat(cell(view.month(), "2034-01-09").getClassNames()).containsExactly("working-day");
        assertThat(cell(view.month(), "2034-01-02").getElement().getAttribute("title")).isEqualTo("放假 · 元旦");
    }

    @Test
    void enteringDaysOneByOneSavesAllOrNothing() {
        ArrangementEditor refused = new WorkingCalendarView(service, workingDays).editor();
        refused.year.setValue(2036);
        refused.date.setValue(LocalDate.of(2036, 1, 1));
        refused.addDay();
        assertThat(refused.problems.getText()).isEqualTo("请填写：类别、节日名称");
        enter(refused, "2036-01-01", DayKind.HOLIDAY, "元旦");
        enter(refused, "2036-01-02", DayKind.MAKE_UP_WORKING_DAY, "元旦");
        refused.saveList();
        assertThat(refused.problems.getText()).contains("2036-01-02 不是周六或周日");
        assertThat(workingDays.isArranged(2036)).isFalse();

        WorkingCalendarView view = new WorkingCalendarView(service, workingDays);
        ArrangementEditor editor = view.editor();
        editor.year.setValue(2036);
        enter(editor, "2036-01-01", DayKind.HOLIDAY, "元旦");
        enter(editor, "2036-01-05", DayKind.MAKE_UP_WORKING_DAY, "元旦");
        editor.papers.setValue("https://www.gov.cn/example-2036.htm");
        editor.saveList();

        assertThat(editor.problems.getText()).isEmpty();
        assertThat(service.arrangement(2036).days()).containsExactly(
                new CalendarDay(LocalDate.of(2036, 1, 1), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2036, 1, 5), DayKind.MAKE_UP_WORKING_DAY, "元旦"));
        assertThat(workingDays.lastDay(LocalDate.of(2036, 1, 1), 1)).isEqualTo(LocalDate.of(2036, 1, 2));
        assertThat(workingDays.lastDay(LocalDate.of(2036, 1, 4), 2)).isEqualTo(LocalDate.of(2036, 1, 5));

        // opening the year again shows what is stored, ready to replace
        ArrangementEditor again = new WorkingCalendarView(service, workingDays).editor();
        again.edit(2036);
        assertThat(again.replace.getValue()).isTrue();
        assertThat(again.draftGrid.getGenericDataView().getItems()).hasSize(2);
        assertThat(HolidayCnJson.read(again.json.getValue()).days()).hasSize(2);
    }

    @Test
    void aYearWithoutArrangementIsShownAsWeekendsOnly() {
        WorkingCalendarView view = new WorkingCalendarView(service, workingDays);
        view.month().show(YearMonth.of(2028, 10));
        assertThat(text(view.month(), "calendar-month-status")).startsWith("2028 年尚未载入节假日安排");
        assertThat(cell(view.month(), "2028-10-02").getClassNames()).containsExactly("working-day");

        view.month().show(YearMonth.of(2022, 10));
        assertThat(cell(view.month(), "2022-10-01").getClassNames()).containsExactly("holiday");
        assertThat(cell(view.month(), "2022-10-09").getClassNames()).containsExactly("make-up-working-day");
        assertThat(view.getPageTitle()).isEqualTo("工作日历");
    }

    private static void enter(ArrangementEditor editor, String date, DayKind kind, String name) {
        editor.date.setValue(LocalDate.parse(date));
        editor.kind.setValue(kind);
        editor.name.setValue(name);
        editor.addDay();
        assertThat(editor.problems.getText()).isEmpty();
    }

    private static String json2034(String makeUpDay) {
        return """
                {"year": 2034, "papers": [], "days": [
                  {"name": "元旦", "date": "2034-01-01", "isOffDay": true},
                  {"name": "元旦", "date": "2034-01-02", "isOffDay": true},
                  {"name": "元旦", "date": "%s", "isOffDay": false}]}""".formatted(makeUpDay);
    }

    private static Component cell(Component root, String date) {
        return find(root, "calendar-day-" + date).orElseThrow(() -> new AssertionError("no cell for " + date));
    }

    private static String text(Component root, String id) {
        return ((HasText) find(root, id).orElseThrow()).getText();
    }

    private static Optional<Component> find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return Optional.of(root);
        }
        return root.getChildren().map(child -> find(child, id)).flatMap(Optional::stream).findFirst();
    }
}
