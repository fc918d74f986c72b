package cn.kexie.capability.calendar;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * One month of the working-day calendar, Monday to Sunday: holidays (休) and make-up working days
 * (班) marked with their festival, ordinary weekends shaded, navigable by month.
 */
class MonthCalendar extends VerticalLayout {

    private final WorkingDays workingDays;
    private final H3 title = new H3();
    private final Paragraph status = new Paragraph();
    private final Div grid = new Div();
    private YearMonth month;

    MonthCalendar(WorkingDays workingDays) {
        this.workingDays = workingDays;
        setPadding(false);
        month = YearMonth.from(workingDays.today());

        Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), click -> show(month.minusMonths(1)));
        previous.setId("calendar-previous-month");
        previous.setAriaLabel(getTranslation("calendar.month.previous"));
        previous.setTooltipText(getTranslation("calendar.month.previous"));
        Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), click -> show(month.plusMonths(1)));
        next.setId("calendar-next-month");
        next.setAriaLabel(getTranslation("calendar.month.next"));
        next.setTooltipText(getTranslation("calendar.month.next"));
        Button today = new Button(getTranslation("calendar.month.today"),
                click -> show(YearMonth.from(workingDays.today())));
        today.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        title.setId("calendar-month-title");
        title.getStyle().set("margin", "0").set("min-width", "10em").set("text-align", "center");
        HorizontalLayout navigation = new HorizontalLayout(previous, title, next, today);
        navigation.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        status.setId("calendar-month-status");
        grid.setId("calendar-month-grid");
        grid.setWidthFull();
        grid.getStyle().set("display", "grid").set("grid-template-columns", "repeat(7, minmax(5em, 1fr))")
                .set("gap", "var(--lumo-space-xs)").set("max-width", "60em");
        add(navigation, status, grid, legend());
        show(month);
    }

    YearMonth month() {
        return month;
    }

    /** Shows the month with the calendar data as committed now. */
    void show(YearMonth shown) {
        month = shown;
        WorkingCalendar calendar = workingDays.calendar();
        title.setText(shown.format(DateTimeFormatter.ofPattern(getTranslation("calendar.month.pattern"), getLocale())));
        boolean arranged = calendar.isArranged(shown.getYear());
        status.setText(arranged
                ? getTranslation("calendar.month.arranged", String.valueOf(shown.getYear()))
                : getTranslation("calendar.month.notArranged", String.valueOf(shown.getYear())));
        status.getStyle().set("color", arranged ? "var(--lumo-secondary-text-color)" : "var(--lumo-error-text-color)");

        grid.removeAll();
        for (DayOfWeek weekday : DayOfWeek.values()) {
            Span head = new Span(getTranslation("calendar.weekday." + weekday.getValue()));
            head.getStyle().set("font-weight", "600").set("text-align", "center")
                    .set("color", "var(--lumo-secondary-text-color)");
            grid.add(head);
        }
        LocalDate first = shown.atDay(1);
        for (int blank = 1; blank < first.getDayOfWeek().getValue(); blank++) {
            grid.add(new Div());
        }
        LocalDate today = workingDays.today();
        for (LocalDate day = first; !day.isAfter(shown.atEndOfMonth()); day = day.plusDays(1)) {
            grid.add(cell(day, calendar.listed(day), calendar.isWorkingDay(day), day.equals(today)));
        }
    }

    private Div cell(LocalDate day, Optional<CalendarDay> listed, boolean working, boolean today) {
        Div cell = new Div();
        cell.setId("calendar-day-" + day);
        cell.getStyle().set("min-height", "4.5em").set("padding", "var(--lumo-space-xs)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("border", today ? "2px solid var(--lumo-primary-color)" : "1px solid var(--lumo-contrast-10pct)");
        Span number = new Span(String.valueOf(day.getDayOfMonth()));
        number.getStyle().set("font-weight", "600");
        cell.add(number);
        if (listed.isPresent()) {
            CalendarDay entry = listed.get();
            boolean holiday = entry.kind() == DayKind.HOLIDAY;
            cell.addClassName(holiday ? "holiday" : "make-up-working-day");
            cell.getStyle().set("background", holiday ? "var(--lumo-error-color-10pct)" : "var(--lumo-primary-color-10pct)");
            Span mark = mark(holiday);
            mark.getStyle().set("margin-left", "var(--lumo-space-xs)");
            Div name = new Div(entry.name());
            name.getStyle().set("font-size", "var(--lumo-font-size-s)");
            cell.add(mark, name);
            cell.getElement().setAttribute("title", getTranslation(
                    holiday ? "calendar.kind.HOLIDAY" : "calendar.kind.MAKE_UP_WORKING_DAY") + " · " + entry.name());
        } else if (!working) {
            cell.addClassName("weekend");
            cell.getStyle().set("background", "var(--lumo-contrast-5pct)")
                    .set("color", "var(--lumo-secondary-text-color)");
        } else {
            cell.addClassName("working-day");
        }
        return cell;
    }

    private HorizontalLayout legend() {
        HorizontalLayout legend = new HorizontalLayout(
                mark(true), new Span(getTranslation("calendar.kind.HOLIDAY")),
                mark(false), new Span(getTranslation("calendar.kind.MAKE_UP_WORKING_DAY")),
                new Span(getTranslation("calendar.legend.weekend")));
        legend.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        legend.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return legend;
    }

    /** 休 on red, 班 on blue: the marks of Chinese wall calendars. */
    private Span mark(boolean holiday) {
        Span mark = new Span(getTranslation(holiday ? "calendar.mark.holiday" : "calendar.mark.makeUp"));
        mark.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("font-weight", "600")
                .set("padding", "0 0.4em").set("border-radius", "var(--lumo-border-radius-s)")
                .set("color", "var(--lumo-base-color)")
                .set("background", holiday ? "var(--lumo-error-color)" : "var(--lumo-primary-color)");
        return mark;
    }
}
