package cn.kexie.capability.calendar;

import cn.kexie.capability.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * 工作日历: administrators look at the calendar month by month, see which years are arranged, and
 * enter or import a year's holiday arrangement. Changes count for deadlines and timers computed
 * afterwards.
 */
@Route("admin/calendar")
@Menu(order = 90, title = "calendar.nav")
@RolesAllowed(Roles.ADMIN)
public class WorkingCalendarView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter LOADED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(WorkingDays.ZONE);

    private final WorkingCalendarService service;
    private final MonthCalendar month;
    private final ArrangementEditor editor;
    private final Grid<ArrangedYear> years = new Grid<>();
    private final TabSheet tabs = new TabSheet();
    private final Tab monthTab;
    private final Tab editTab;

    public WorkingCalendarView(WorkingCalendarService service, WorkingDays workingDays) {
        this.service = service;
        setSizeFull();
        month = new MonthCalendar(workingDays);
        int today = workingDays.today().getYear();
        int suggested = !workingDays.isArranged(today) ? today : today + 1;
        editor = new ArrangementEditor(service, suggested);
        editor.addSavedListener(saved -> refresh());

        Paragraph intro = new Paragraph(getTranslation("calendar.intro"));
        intro.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-top", "0");
        configureYears();
        VerticalLayout yearsPage = new VerticalLayout(new Paragraph(getTranslation("calendar.years.help")), years);
        yearsPage.setPadding(false);

        monthTab = tabs.add(getTranslation("calendar.tab.month"), month);
        tabs.add(getTranslation("calendar.tab.years"), yearsPage);
        editTab = tabs.add(getTranslation("calendar.tab.edit"), editor);
        tabs.setWidthFull();
        add(intro, tabs);
        refresh();
    }

    private void configureYears() {
        years.setId("calendar-years");
        years.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        years.addColumn(ArrangedYear::year).setHeader(getTranslation("calendar.years.year")).setAutoWidth(true);
        years.addColumn(y -> getTranslation("calendar.origin." + y.origin().name()))
                .setHeader(getTranslation("calendar.years.origin")).setAutoWidth(true);
        years.addColumn(ArrangedYear::dayCount).setHeader(getTranslation("calendar.years.days")).setAutoWidth(true);
        years.addColumn(y -> LOADED_AT.format(y.loadedAt()) + " · " + y.loadedBy())
                .setHeader(getTranslation("calendar.years.loaded")).setAutoWidth(true);
        years.addColumn(y -> String.join(" ", y.papers())).setHeader(getTranslation("calendar.years.papers"))
                .setFlexGrow(1);
        years.addComponentColumn(y -> {
            Button show = new Button(getTranslation("calendar.years.show"), click -> {
                month.show(YearMonth.of(y.year(), 1));
                tabs.setSelectedTab(monthTab);
            });
            Button edit = new Button(getTranslation("common.edit"), click -> {
                editor.edit(y.year());
                tabs.setSelectedTab(editTab);
            });
            show.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return new HorizontalLayout(show, edit);
        }).setAutoWidth(true).setFlexGrow(0);
        years.setAllRowsVisible(true);
    }

    MonthCalendar month() {
        return month;
    }

    ArrangementEditor editor() {
        return editor;
    }

    Grid<ArrangedYear> years() {
        return years;
    }

    private void refresh() {
        years.setItems(service.years());
        month.show(month.month());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calendar.nav");
    }
}
