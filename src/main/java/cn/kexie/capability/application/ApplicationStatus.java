package cn.kexie.capability.application;

import static cn.kexie.capability.application.ApplicationStatus.Kind.APPLICANT_EDITS;
import static cn.kexie.capability.application.ApplicationStatus.Kind.FINISHED;
import static cn.kexie.capability.application.ApplicationStatus.Kind.NOT_COUNTED;
import static cn.kexie.capability.application.ApplicationStatus.Kind.ON_THE_WAY;
import static cn.kexie.capability.application.ApplicationStatus.Kind.RECOGNISED;

import cn.kexie.capability.common.Messages;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every status an application can have: the diagrams set them through the {@code applicationStatus}
 * listener, the platform sets {@link #DRAFT}, {@link #UNDER_NOTICE} and {@link #AWAITING_RESULT}. Each
 * knows its label ({@code status.<NAME>} in Chinese and English) and the classes it belongs to, so no
 * other class keeps its own list of status strings. The column {@code application.status} holds
 * {@link #name()}.
 */
public enum ApplicationStatus {

    DRAFT(APPLICANT_EDITS, NOT_COUNTED),
    AWAITING_CONFIRMATION(ON_THE_WAY),
    SUBMITTED(ON_THE_WAY),
    NOT_ACCEPTED(NOT_COUNTED, FINISHED),
    FORMAL_REVIEW(ON_THE_WAY),
    RETURNED(APPLICANT_EDITS, ON_THE_WAY),
    LAPSED(NOT_COUNTED, FINISHED),
    REJECTED(NOT_COUNTED, FINISHED),
    EXPERT_REVIEW(ON_THE_WAY),
    REVIEWED(ON_THE_WAY),
    NOT_QUALIFIED(FINISHED),
    AWAITING_APPROVAL,
    NOT_APPROVED(FINISHED),
    AWAITING_RESULT,
    NOT_SELECTED(FINISHED),
    UNDER_NOTICE,
    NOT_FUNDED(FINISHED),
    ESTABLISHED(RECOGNISED),
    AGREEMENT(RECOGNISED),
    AWAITING_FUNDS(RECOGNISED),
    IN_PROGRESS(RECOGNISED),
    MIDTERM_CHECK(RECOGNISED),
    RECTIFYING(RECOGNISED),
    FINAL_REPORT(RECOGNISED),
    ACCEPTANCE(RECOGNISED),
    ACCEPTED(RECOGNISED, FINISHED),
    ASSESSMENT_EVALUATION(RECOGNISED),
    ASSESSMENT_APPROVAL(RECOGNISED),
    ASSESSMENT_NOTICE(RECOGNISED),
    SUBSIDY_GRANTED(RECOGNISED, FINISHED),
    SUBSIDY_CANCELLED(RECOGNISED, FINISHED),
    AWARDED(RECOGNISED),
    AWARD_PAID(RECOGNISED, FINISHED),
    SANCTIONING,
    SANCTIONED(FINISHED);

    /** The classes a status belongs to; rules ask for a class, never for a list of names. */
    public enum Kind {
        /** The applicant may still edit the application (a draft, or returned for correction). */
        APPLICANT_EDITS,
        /** Submitted and still in review: the call's result waits for it. */
        ON_THE_WAY,
        /** Does not count against a limit (never submitted, or refused before any review). */
        NOT_COUNTED,
        /** A project the programme recognised (立项 or later). */
        RECOGNISED,
        /** The application's course has ended here. */
        FINISHED
    }

    private final Set<Kind> kinds;

    ApplicationStatus(Kind... kinds) {
        this.kinds = kinds.length == 0 ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(Arrays.asList(kinds));
    }

    public boolean is(Kind kind) {
        return kinds.contains(kind);
    }

    /** Whether the stored status is this one. */
    public boolean is(String stored) {
        return name().equals(stored);
    }

    /** Whether the stored status belongs to the class; an unknown status belongs to none. */
    public static boolean is(String stored, Kind kind) {
        return of(stored).map(s -> s.is(kind)).orElse(false);
    }

    public static Optional<ApplicationStatus> of(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(stored));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The stored names of every status of the class, for a query. */
    public static List<String> names(Kind kind) {
        return Arrays.stream(values()).filter(s -> s.is(kind)).map(Enum::name).toList();
    }

    public String label(Locale locale) {
        return Messages.get(locale, "status." + name());
    }

    /** The label of a stored status; one the platform does not know shows as stored. */
    public static String label(Locale locale, String stored) {
        return of(stored).map(s -> s.label(locale)).orElse(stored == null ? "" : stored);
    }
}
