package cn.kexie.capability.calendar;

import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holiday arrangements of the working-day calendar: administrators enter or import a year's
 * arrangement (all of it or nothing), the application loads the shipped years at start. Every change
 * changes the data version, so {@link WorkingDays} on every node sees it at its next calculation.
 */
@Service
class WorkingCalendarService {

    private final WorkingCalendarRepository repository;
    private final CurrentUser currentUser;

    WorkingCalendarService(WorkingCalendarRepository repository, CurrentUser currentUser) {
        this.repository = repository;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public List<ArrangedYear> years() {
        return repository.years();
    }

    /** The arrangement as stored, with no days if the year has none. */
    @Transactional(readOnly = true)
    public Arrangement arrangement(int year) {
        List<String> papers = repository.year(year).map(ArrangedYear::papers).orElse(List.of());
        return new Arrangement(year, papers, repository.days(year));
    }

    /**
     * Imports a year's arrangement in the holiday-cn JSON format for the year the administrator chose.
     * Refuses it whole (a {@link UserError} listing every problem) if anything is wrong.
     */
    @Transactional
    public Arrangement importJson(int year, String json, boolean replace) {
        requireAdmin();
        Arrangement arrangement = HolidayCnJson.read(json);
        if (arrangement.year() != year) {
            throw new UserError("calendar.error.yearMismatch", String.valueOf(arrangement.year()),
                    String.valueOf(year));
        }
        return save(arrangement, replace);
    }

    /**
     * Saves a year's arrangement entered by an administrator: all days or none. If the year is
     * arranged already, {@code replace} must be true, and the new days replace the old ones.
     */
    @Transactional
    public Arrangement save(Arrangement arrangement, boolean replace) {
        requireAdmin();
        boolean exists = repository.exists(arrangement.year());
        List<Problem> problems = new ArrayList<>();
        if (exists && !replace) {
            problems.add(new Problem("calendar.error.alreadyArranged", String.valueOf(arrangement.year())));
        }
        problems.addAll(check(arrangement));
        UserError.throwIfAny(problems);
        String by = currentUser.id().orElse("system");
        try {
            if (exists) {
                repository.updateYear(arrangement, ArrangedYear.Origin.ADMIN, Instant.now(), by);
            } else {
                repository.insertYear(arrangement, ArrangedYear.Origin.ADMIN, Instant.now(), by);
            }
            repository.replaceDays(arrangement);
        } catch (DuplicateKeyException raced) {
            // another administrator saved this year, or a day of it, at the same moment
            throw new UserError("common.error.changedMeanwhile");
        }
        repository.changeVersion();
        return arrangement;
    }

    /**
     * Loads a shipped year unless the database has it already (whoever put it there). When two
     * nodes start together, one of them fails on the year's primary key: the caller catches that.
     *
     * @return false if the year was there already
     */
    @Transactional
    public boolean loadShipped(Arrangement arrangement) {
        if (repository.exists(arrangement.year())) {
            return false;
        }
        repository.insertYear(arrangement, ArrangedYear.Origin.SHIPPED, Instant.now(), "system");
        UserError.throwIfAny(check(arrangement));
        repository.replaceDays(arrangement);
        repository.changeVersion();
        return true;
    }

    /** The rules of {@link ArrangementRules}, and no date that another year's notice lists. */
    private List<Problem> check(Arrangement arrangement) {
        List<Problem> problems = ArrangementRules.check(arrangement);
        if (!problems.isEmpty()) {
            return problems;
        }
        int year = arrangement.year();
        Map<LocalDate, Integer> taken = repository.listedByOtherNotices(year, LocalDate.of(year - 1, 12, 1),
                LocalDate.of(year, 12, 31));
        for (CalendarDay day : arrangement.days()) {
            Integer other = taken.get(day.date());
            if (other != null) {
                problems.add(new Problem("calendar.error.otherNotice", day.date().toString(), String.valueOf(other)));
            }
        }
        return problems;
    }

    private void requireAdmin() {
        if (!currentUser.hasRole(Roles.ADMIN)) {
            throw new AccessDeniedException("calendar.error.forbidden");
        }
    }
}
