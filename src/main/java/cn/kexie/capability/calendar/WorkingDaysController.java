package cn.kexie.capability.calendar;

import cn.kexie.capability.common.CleanText;
import cn.kexie.capability.common.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/working-days?from=2022-09-28&count=5}, open without login: the last day of a
 * period of {@code count} working days starting on {@code from}, as {@link WorkingDays#lastDay} gives
 * it. Bad input answers 400 with {@code {"error": "..."}}, in English if the request's
 * Accept-Language prefers English, in Chinese otherwise.
 */
@RestController
class WorkingDaysController {

    static final int MAX_COUNT = 366;

    record Answer(LocalDate from, int count, LocalDate lastDay) {
    }

    record Refusal(String error) {
    }

    private final WorkingDays workingDays;

    WorkingDaysController(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    @GetMapping(path = "/api/working-days", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> lastDay(@RequestParam(required = false) String from,
                              @RequestParam(required = false) String count,
                              @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Locale locale = locale(acceptLanguage);
        List<String> problems = new ArrayList<>();
        LocalDate start = null;
        if (from == null || from.isBlank()) {
            problems.add(Messages.get(locale, "calendar.api.missing", "from"));
        } else if (!CleanText.isClean(from, true)) {
            problems.add(Messages.get(locale, "calendar.api.controlCharacter", "from"));
        } else {
            try {
                start = LocalDate.parse(from.trim());
            } catch (DateTimeParseException e) {
                problems.add(Messages.get(locale, "calendar.api.from", shorten(from)));
            }
            if (start != null && (start.getYear() < ArrangementRules.FIRST_YEAR || start.getYear() > ArrangementRules.LAST_YEAR)) {
                // the calendar knows these years only; far ones would also run past the last date Java knows
                problems.add(Messages.get(locale, "calendar.api.fromRange", shorten(from),
                        String.valueOf(ArrangementRules.FIRST_YEAR), String.valueOf(ArrangementRules.LAST_YEAR)));
                start = null;
            }
        }
        Integer days = null;
        if (count == null || count.isBlank()) {
            problems.add(Messages.get(locale, "calendar.api.missing", "count"));
        } else if (!CleanText.isClean(count, true)) {
            problems.add(Messages.get(locale, "calendar.api.controlCharacter", "count"));
        } else {
            try {
                days = Integer.valueOf(count.trim());
            } catch (NumberFormatException e) {
                problems.add(Messages.get(locale, "calendar.api.countNumber", shorten(count), String.valueOf(MAX_COUNT)));
            }
            if (days != null && (days < 1 || days > MAX_COUNT)) {
                problems.add(Messages.get(locale, "calendar.api.countRange", shorten(count), String.valueOf(MAX_COUNT)));
            }
        }
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                    .body(new Refusal(String.join(Messages.isEnglish(locale) ? "; " : "；", problems)));
        }
        return ResponseEntity.ok(new Answer(start, days, workingDays.lastDay(start, days)));
    }

    /** The input as the client sent it, cut short: the answer quotes it. */
    private static String shorten(String input) {
        return input.length() <= 40 ? input : input.substring(0, 40) + "…";
    }

    /** English if the client prefers it to Chinese; Chinese otherwise (also without the header). */
    static Locale locale(String acceptLanguage) {
        return Messages.preferred(acceptLanguage);
    }
}
