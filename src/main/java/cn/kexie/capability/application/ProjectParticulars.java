package cn.kexie.capability.application;

import cn.kexie.capability.common.UserError.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The particulars on a 申报书's cover: the project lead (项目负责人) and position, the contact person
 * and phone the office calls, the project period (项目起止日期), and the society's own funds (自筹经费).
 * The amount requested is the budget's total; the targets are the form's 预期成果与考核指标.
 */
public record ProjectParticulars(String leadName, String leadPosition, String contactName, String contactPhone,
        LocalDate startsOn, LocalDate endsOn, BigDecimal ownFundsYuan) {

    public static final ProjectParticulars NONE = new ProjectParticulars(null, null, null, null, null, null, null);

    static final int MAX_NAME = 50;
    static final int MAX_POSITION = 100;
    static final BigDecimal MAX_FUNDS = new BigDecimal("100000000");
    /** A mainland landline with or without area code and extension, or a mobile number. */
    private static final Pattern PHONE = Pattern.compile("(\\+?86[- ]?)?(1\\d{10}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|\\d{7,8})");

    /** The form's problems while a draft: what is there must be well-formed. */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        tooLong(problems, leadName, MAX_NAME, "application.field.leadName");
        tooLong(problems, leadPosition, MAX_POSITION, "application.field.leadPosition");
        tooLong(problems, contactName, MAX_NAME, "application.field.contactName");
        if (!blank(contactPhone) && !PHONE.matcher(contactPhone.trim()).matches()) {
            problems.add(new Problem("application.error.phone").at("application.field.contactPhone"));
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            problems.add(new Problem("application.error.period").at("application.field.endsOn"));
        }
        if (ownFundsYuan != null && (ownFundsYuan.signum() < 0 || ownFundsYuan.scale() > 2
                || ownFundsYuan.compareTo(MAX_FUNDS) > 0)) {
            problems.add(new Problem("application.error.ownFunds").at("application.field.ownFunds"));
        }
        return problems;
    }

    /**
     * What a submission needs as well: lead, contact and phone always; the period when the programme
     * funds projects, within the programme's last day for its projects.
     */
    List<Problem> missing(boolean project, LocalDate lastDay) {
        List<Problem> problems = new ArrayList<>();
        required(problems, leadName, "application.field.leadName");
        required(problems, contactName, "application.field.contactName");
        required(problems, contactPhone, "application.field.contactPhone");
        if (project) {
            if (startsOn == null || endsOn == null) {
                problems.add(new Problem("application.error.missing", "application.field.period")
                        .at(startsOn == null ? "application.field.startsOn" : "application.field.endsOn"));
            } else if (lastDay != null && endsOn.isAfter(lastDay)) {
                problems.add(new Problem("application.error.periodEnds", lastDay.toString()).at("application.field.endsOn"));
            }
        }
        return problems;
    }

    /** Blanks as nulls and text trimmed, as stored. */
    ProjectParticulars cleaned() {
        return new ProjectParticulars(clean(leadName), clean(leadPosition), clean(contactName), clean(contactPhone),
                startsOn, endsOn, ownFundsYuan);
    }

    private static void tooLong(List<Problem> problems, String value, int max, String labelKey) {
        if (value != null && value.trim().length() > max) {
            problems.add(new Problem("application.error.tooLong", labelKey, max));
        }
    }

    private static void required(List<Problem> problems, String value, String labelKey) {
        if (blank(value)) {
            problems.add(new Problem("application.error.missing", labelKey));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clean(String s) {
        return blank(s) ? null : s.trim();
    }
}
