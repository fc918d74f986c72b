package cn.kexie.capability.calendar;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.ui.HomeNotice;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Warns administrators on their home view when this year or the next (Asia/Shanghai) has no
 * holiday arrangement: working days are then counted by weekends only.
 */
@Component
class MissingArrangementNotice implements HomeNotice {

    private final WorkingDays workingDays;
    private final CurrentUser currentUser;

    MissingArrangementNotice(WorkingDays workingDays, CurrentUser currentUser) {
        this.workingDays = workingDays;
        this.currentUser = currentUser;
    }

    @Override
    public List<Notice> notices(Locale locale) {
        if (!currentUser.hasRole(Roles.ADMIN)) {
            return List.of();
        }
        return missingYears(workingDays.today()).stream()
                .map(year -> new Notice(Messages.get(locale, "calendar.notice.missing", String.valueOf(year)), true))
                .toList();
    }

    /** This year and the next, those without an arrangement. */
    List<Integer> missingYears(LocalDate today) {
        WorkingCalendar calendar = workingDays.calendar();
        return IntStream.of(today.getYear(), today.getYear() + 1)
                .filter(year -> !calendar.isArranged(year))
                .boxed()
                .toList();
    }
}
