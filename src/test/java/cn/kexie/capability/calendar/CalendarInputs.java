package cn.kexie.capability.calendar;

import cn.kexie.capability.AsUser;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationContext;

/**
 * The calendar's import and entry as an administrator uses them, for tests outside this package (the
 * hostile-input table): the service is package-private.
 */
public final class CalendarInputs {

    private final WorkingCalendarService service;
    private final IdentityService identity;

    public CalendarInputs(ApplicationContext context) {
        this.service = context.getBean(WorkingCalendarService.class);
        this.identity = context.getBean(IdentityService.class);
    }

    /** Imports holiday-cn JSON for the year as {@code user}; throws what the service throws. */
    public void importJson(String user, int year, String json) {
        AsUser.run(identity, user, () -> service.importJson(year, json, true));
    }

    /** Saves one holiday with the name and notice papers given, replacing the year's arrangement. */
    public void saveHoliday(String user, int year, LocalDate date, String name, List<String> papers) {
        AsUser.run(identity, user, () -> service.save(new Arrangement(year, papers,
                List.of(new CalendarDay(date, DayKind.HOLIDAY, name))), true));
    }

    /** The names of the year's stored days and its papers, or empty lists. */
    public List<String> storedNames(int year) {
        return service.arrangement(year).days().stream().map(CalendarDay::name).toList();
    }

    public List<String> storedPapers(int year) {
        return service.arrangement(year).papers();
    }

    public boolean arranged(int year) {
        return service.years().stream().anyMatch(y -> y.year() == year);
    }
}
