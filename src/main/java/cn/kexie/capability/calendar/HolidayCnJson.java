package cn.kexie.capability.calendar;

import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads and writes one year's arrangement in the format of NateScarlet/holiday-cn:
 * {@code {"year": 2027, "papers": ["https://..."], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}}.
 * Reading checks the shape only; whether the days make sense is {@link ArrangementRules}' job.
 */
final class HolidayCnJson {

    /** Far more than a year's notice needs (about 4 kB); refuses pasting a wrong file of megabytes. */
    static final int MAX_LENGTH = 200_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HolidayCnJson() {
    }

    /** The arrangement the text describes, or a {@link UserError} listing every problem of its shape. */
    static Arrangement read(String text) {
        if (text == null || text.isBlank()) {
            throw new UserError("calendar.error.json.empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new UserError("calendar.error.json.tooLong", String.valueOf(MAX_LENGTH / 1000));
        }
        JsonNode root;
        try {
            // a file saved by Windows Notepad starts with a byte order mark
            root = MAPPER.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new UserError("calendar.error.json.syntax",
                    at == null ? "?" : String.valueOf(at.getLineNr()), at == null ? "?" : String.valueOf(at.getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            throw new UserError("calendar.error.json.notObject");
        }
        List<Problem> problems = new ArrayList<>();
        JsonNode yearNode = root.get("year");
        int year = 0;
        if (yearNode == null || !yearNode.canConvertToExactIntegral() || !yearNode.canConvertToInt()) {
            problems.add(new Problem("calendar.error.json.year"));
        } else {
            year = yearNode.intValue();
        }
        List<String> papers = new ArrayList<>();
        JsonNode papersNode = root.get("papers");
        if (papersNode != null && !papersNode.isNull()) {
            if (!papersNode.isArray()) {
                problems.add(new Problem("calendar.error.json.papers"));
            } else {
                for (JsonNode paper : papersNode) {
                    if (!paper.isTextual()) {
                        problems.add(new Problem("calendar.error.json.papers"));
                        break;
                    }
                    papers.add(paper.textValue());
                }
            }
        }
        List<CalendarDay> days = new ArrayList<>();
        JsonNode daysNode = root.get("days");
        if (daysNode == null || !daysNode.isArray()) {
            problems.add(new Problem("calendar.error.json.days"));
        } else {
            int index = 0;
            for (JsonNode entry : daysNode) {
                index++;
                CalendarDay day = readDay(entry, index, problems);
                if (day != null) {
                    days.add(day);
                }
            }
        }
        UserError.throwIfAny(problems);
        return new Arrangement(year, papers, days);
    }

    private static CalendarDay readDay(JsonNode entry, int index, List<Problem> problems) {
        String position = String.valueOf(index);
        if (!entry.isObject()) {
            problems.add(new Problem("calendar.error.json.dayShape", position));
            return null;
        }
        JsonNode date = entry.get("date");
        JsonNode name = entry.get("name");
        JsonNode offDay = entry.get("isOffDay");
        if (date == null || !date.isTextual() || name == null || !name.isTextual()
                || offDay == null || !offDay.isBoolean()) {
            problems.add(new Problem("calendar.error.json.dayShape", position));
            return null;
        }
        try {
            return new CalendarDay(LocalDate.parse(date.textValue().trim()), DayKind.ofOffDay(offDay.booleanValue()),
                    name.textValue().trim());
        } catch (DateTimeParseException e) {
            problems.add(new Problem("calendar.error.json.date", position, date.textValue()));
            return null;
        }
    }

    /** The arrangement in the holiday-cn format, days in date order, ready to edit and import again. */
    static String write(Arrangement arrangement) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("year", arrangement.year());
        ArrayNode papers = root.putArray("papers");
        arrangement.papers().forEach(papers::add);
        ArrayNode days = root.putArray("days");
        arrangement.days().stream()
                .sorted(Comparator.comparing(CalendarDay::date))
                .forEach(day -> days.addObject()
                        .put("name", day.name())
                        .put("date", day.date().toString())
                        .put("isOffDay", day.kind().offDay()));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
