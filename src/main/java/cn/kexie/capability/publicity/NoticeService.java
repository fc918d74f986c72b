package cn.kexie.capability.publicity;

import cn.kexie.capability.application.Application;
import cn.kexie.capability.application.ApplicationService;
import cn.kexie.capability.application.ApprovedAmount;
import cn.kexie.capability.calendar.WorkingDays;
import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.document.PdfRenderer;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.WorkflowTasks;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public notice (公示): starting a notice for N working days, the public list of projects under
 * notice, objections (异议) lodged by anyone, and the office's decision on each objection.
 */
@Service
public class NoticeService {

    /** The local variable that tells a call's concurrent notices apart. */
    public static final String NOTICE_SCOPE = "noticeScope";
    static final int MAX_NAME = 100;
    static final int MIN_TEXT = 10;
    static final int MAX_TEXT = 4000;
    /**
     * When lodging is unusual, a CAPTCHA is asked for instead of refusing, so that a flood creates
     * no work for the office and a real objector still gets through: from the third objection within
     * an hour from one sender (address, or /64 network for IPv6), from the sixth within an hour
     * against one notice, and from the third within 24 hours from one contact.
     */
    static final int FREE_PER_SOURCE_PER_HOUR = 2;
    static final int FREE_PER_NOTICE_PER_HOUR = 5;
    static final int FREE_PER_CONTACT_PER_DAY = 2;
    /** One contact lodges at most this many objections (additions included) within 24 hours. */
    static final int MAX_PER_CONTACT_PER_DAY = 5;

    private final JdbcClient jdbc;
    private final ApplicationService applications;
    private final WorkingDays workingDays;
    private final RuntimeService runtimeService;
    private final WorkflowTasks tasks;
    private final CurrentUser currentUser;
    private final Captchas captchas;
    private final String salt;
    private final ProgrammeCatalogue catalogue;
    private final ApprovedAmount approvedAmount;
    private final PdfRenderer renderer;
    private final ObjectionReceipts receipts;

    NoticeService(JdbcClient jdbc, ApplicationService applications, WorkingDays workingDays,
            RuntimeService runtimeService, WorkflowTasks tasks, CurrentUser currentUser, Captchas captchas,
            @Value("${platform.objections.salt:capability-platform}") String salt, ProgrammeCatalogue catalogue,
            ApprovedAmount approvedAmount, PdfRenderer renderer, ObjectionReceipts receipts) {
        this.receipts = receipts;
        this.catalogue = catalogue;
        this.approvedAmount = approvedAmount;
        this.renderer = renderer;
        this.jdbc = jdbc;
        this.applications = applications;
        this.workingDays = workingDays;
        this.runtimeService = runtimeService;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.captchas = captchas;
        this.salt = salt;
    }

    /**
     * Starts the notice of an application: it ends at 24:00 of the N-th working day. Objections go
     * to {@code processInstanceId} (the application's own process, or a call's), in the scope with
     * local variable {@code noticeScope} = {@code scope} when there is one. Returns the end.
     */
    @Transactional
    public Date start(long applicationId, int workingDaysLong, String processInstanceId, String scope) {
        Date ends = workingDays.endOfPeriod(Date.from(PlatformClock.now()), workingDaysLong);
        return start(applicationId, ends, processInstanceId, scope);
    }

    /** Starts a notice that ends at the given instant (a list noticed together shares one end). */
    @Transactional
    public Date start(long applicationId, Date ends, String processInstanceId, String scope) {
        applications.setNotice(applicationId, ends.toInstant(), processInstanceId, scope);
        applications.record(applicationId, "publicNotice", "STARTED", null,
                Map.of("lastDay", workingDays.lastDayEndingAt(ends).toString()));
        return ends;
    }

    /**
     * The days of public notice each programme of these notices configures (its catalogue's
     * publicity days), by programme name in the notices' order: what the public page says, never a
     * fixed figure.
     */
    public java.util.Map<String, Integer> noticeDays(List<PublicNotice> shown) {
        java.util.Map<String, Integer> days = new java.util.LinkedHashMap<>();
        for (PublicNotice notice : shown) {
            catalogue.programme(notice.programmeCode())
                    .ifPresent(p -> days.putIfAbsent(notice.programmeName(), p.publicityWorkingDays()));
        }
        return days;
    }

    /**
     * The projects under notice now, for everyone: each with the first day of its notice (the day it
     * started, Beijing time) and its last day, and its approved amount where the programme publishes
     * amounts.
     */
    @Transactional(readOnly = true)
    public List<PublicNotice> current() {
        Map<String, Boolean> publishes = new java.util.HashMap<>();
        return jdbc.sql("""
                select a.number, a.programme_code, p.name_zh, pc.name_zh, o.name, a.title, a.notice_ends_at,
                       (select max(e.occurred_at) from application_event e
                         where e.application_id = a.id and e.step = 'publicNotice' and e.outcome = 'STARTED')
                from application a
                join programme p on p.code = a.programme_code
                join programme_category pc on pc.programme_code = a.programme_code and pc.code = a.category_code
                join organisation o on o.id = a.organisation_id
                where a.notice_ends_at > ?
                order by a.programme_code, a.notice_ends_at, a.number""")
                .params(Timestamp.from(PlatformClock.now()))
                .query((rs, n) -> {
                    String number = rs.getString(1);
                    String programme = rs.getString(2);
                    Timestamp started = rs.getTimestamp(8);
                    BigDecimal amount = publishes.computeIfAbsent(programme, code -> catalogue.office(code).publishesAmounts())
                            ? applications.findByNumber(number).map(approvedAmount::of).orElse(null) : null;
                    return new PublicNotice(number, programme, rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), started == null ? null : LocalDate.ofInstant(started.toInstant(), PlatformClock.ZONE),
                            workingDays.lastDayEndingAt(new Date(rs.getTimestamp(7).getTime())), amount);
                })
                .list();
    }

    /**
     * The public notice as published, as a PDF, for everyone: the projects under notice now (what the
     * public page lists), by programme, each with its notice period, its amount where the programme
     * publishes amounts, and where to lodge an objection: the platform's page, and the office's
     * contact from the catalogue.
     */
    @Transactional(readOnly = true)
    public byte[] noticeDocument() {
        Map<String, List<PublicNotice>> byProgramme = new java.util.LinkedHashMap<>();
        for (PublicNotice notice : current()) {
            byProgramme.computeIfAbsent(notice.programmeCode(), k -> new ArrayList<>()).add(notice);
        }
        List<PublicNoticeDocument.Section> sections = new ArrayList<>();
        byProgramme.forEach((code, notices) -> sections.add(new PublicNoticeDocument.Section(
                catalogue.requireProgramme(code), catalogue.office(code), notices)));
        return renderer.render(PublicNoticeDocument.xhtml(sections, PlatformClock.today()));
    }

    /** What someone lodging an objection enters. */
    public record ObjectionInput(String applicationNumber, String name, String contact, String text) {
    }

    /** The answer to a CAPTCHA: the challenge's id and what the person read off its picture. */
    public record CaptchaAnswer(String challengeId, String answer) {
    }

    /** Lodges an objection without a CAPTCHA answer (refused when one is needed). */
    @Transactional
    public long lodge(ObjectionInput input, String source) {
        return lodge(input, source, null);
    }

    /**
     * Lodges an objection against a project under notice. The first from a contact against a notice
     * becomes a task of the programme office; more from the same contact while that one is open are
     * added to it, without another task. {@code source} identifies the sender (its address) for the
     * limits; only a salted hash of it is kept. When lodging is unusual for the sender, the notice or
     * the contact, a {@code captcha} must be answered (see {@link #captchaNeeded}); any answer given
     * uses its challenge up. Every problem is reported at once, and nothing of a refused objection is
     * kept.
     */
    @Transactional
    public long lodge(ObjectionInput input, String source, CaptchaAnswer captcha) {
        return lodgeWithReceipt(input, source, captcha).objectionId();
    }

    /** What the objector is given for an objection lodged: its receipt number (the id stays the office's). */
    public record Receipt(long objectionId, String receiptNo) {
    }

    /**
     * Lodges an objection as {@link #lodge(ObjectionInput, String, CaptchaAnswer)} does, and gives its
     * receipt number (回执号), with which and the contact given its objector looks up the outcome
     * ({@link #lookUp}). An addition to an open objection gets a receipt of its own, whose outcome is
     * the open objection's.
     */
    @Transactional
    public Receipt lodgeWithReceipt(ObjectionInput input, String source, CaptchaAnswer captcha) {
        List<Problem> problems = new ArrayList<>();
        String rawName = input.name() == null ? "" : input.name();
        String rawContact = input.contact() == null ? "" : input.contact();
        String rawText = input.text() == null ? "" : input.text();
        String name = rawName.strip();
        String text = rawText.strip().replace("\r\n", "\n");
        if (ObjectionRules.hasForbiddenCharacters(rawName, false)) {
            problems.add(new Problem("publicity.error.characters", "form.publicNotice.name"));
        } else if (name.isEmpty() || name.length() > MAX_NAME || name.codePoints().noneMatch(Character::isLetter)) {
            problems.add(new Problem("notice.error.name"));
        }
        Optional<ObjectionRules.Contact> contact = ObjectionRules.contact(rawContact);
        if (contact.isEmpty()) {
            problems.add(ObjectionRules.hasForbiddenCharacters(rawContact, false)
                    ? new Problem("publicity.error.characters", "form.publicNotice.contact")
                    : new Problem("publicity.error.contact"));
        }
        if (ObjectionRules.hasForbiddenCharacters(rawText, true)) {
            problems.add(new Problem("publicity.error.characters", "form.publicNotice.text"));
        } else if (text.length() < MIN_TEXT || text.length() > MAX_TEXT) {
            problems.add(new Problem("notice.error.text", MIN_TEXT, MAX_TEXT));
        }
        Optional<Application> underNotice = underNotice(input.applicationNumber());
        if (underNotice.isEmpty()) {
            problems.add(new Problem("notice.error.notUnderNotice"));
        }
        String sourceHash = hash(sourceKey(source));
        boolean unusual = false;
        Long openObjection = null;
        if (underNotice.isPresent()) {
            long applicationId = underNotice.get().id();
            // one lodging per notice at a time, so that simultaneous requests cannot all slip under a limit
            jdbc.sql("select id from application where id = ? for update").param(applicationId).query(Long.class).single();
            unusual = unusualFor(applicationId, sourceHash);
            if (contact.isPresent()) {
                int fromContact = count("contact_key = ?", contact.get().key(), Duration.ofHours(24));
                if (fromContact >= MAX_PER_CONTACT_PER_DAY) {
                    problems.add(new Problem("publicity.error.contactLimit", MAX_PER_CONTACT_PER_DAY));
                }
                unusual |= fromContact >= FREE_PER_CONTACT_PER_DAY;
                openObjection = jdbc.sql("""
                        select min(id) from objection
                        where application_id = ? and contact_key = ? and addition_to is null and status = 'OPEN'""")
                        .params(applicationId, contact.get().key()).query(Long.class).optional().orElse(null);
            }
        }
        // an empty answer counts as none: a CAPTCHA is asked for if needed, and the challenge kept
        if (captcha != null && captcha.challengeId() != null && captcha.answer() != null && !captcha.answer().isBlank()) {
            if (!captchas.use(captcha.challengeId(), captcha.answer())) {
                problems.add(new Problem("publicity.error.captchaWrong"));
            }
        } else if (unusual) {
            problems.add(new Problem("publicity.error.captchaRequired"));
        }
        UserError.throwIfAny(problems);

        Application app = underNotice.orElseThrow();
        var keys = new GeneratedKeyHolder();
        String receiptNo = receipts.next();
        jdbc.sql("""
                insert into objection (application_id, name, contact, contact_key, objection_text, lodged_at, source_hash,
                    status, addition_to, receipt_no)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(app.id(), name, contact.get().shown(), contact.get().key(), text,
                        Timestamp.from(PlatformClock.now()), sourceHash, openObjection == null ? "OPEN" : "ADDED",
                        openObjection, receiptNo)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (openObjection != null) {
            // the office reads it with the open objection of the same contact: no second task
            return new Receipt(id, receiptNo);
        }
        applications.record(app.id(), "objection", "LODGED", null, Map.of("objectionId", id));
        String[] handler = applications.noticeHandler(app.id());
        var correlation = runtimeService.createMessageCorrelation(ProjectProcess.MESSAGE_OBJECTION)
                .setVariablesToTriggeredScope(Variables.createVariables().putValue(ProjectProcess.OBJECTION_ID, id));
        if (handler[0] != null) {
            correlation.processInstanceId(handler[0]);
        } else {
            // a notice started before the platform recorded its handling process: the application's own
            correlation.processInstanceBusinessKey(app.number());
        }
        if (handler[1] != null) {
            correlation.localVariableEquals(NOTICE_SCOPE, handler[1]);
        }
        correlation.correlate();
        return new Receipt(id, receiptNo);
    }

    // ================================================================ looking up a receipt

    /**
     * Lookups of receipts that found nothing before a CAPTCHA is asked for: from the third within an
     * hour from one sender, or from the third within a day for one receipt number (someone trying
     * contacts); beyond {@link #MAX_FAILED_LOOKUPS_PER_SOURCE_PER_HOUR} from one sender, refused.
     */
    static final int FREE_FAILED_LOOKUPS_PER_SOURCE_PER_HOUR = 2;
    static final int FREE_FAILED_LOOKUPS_PER_RECEIPT_PER_DAY = 2;
    static final int MAX_FAILED_LOOKUPS_PER_SOURCE_PER_HOUR = 20;
    static final int MAX_RECEIPT = 40;

    /**
     * An objection's outcome as its objector looks it up: the project, when it was lodged, and
     * {@code OPEN} (under review), {@code DISMISSED} (not upheld, the notice went on) or
     * {@code UPHELD}, with the day decided. Neither the objector's identity nor the office's note.
     */
    public record Outcome(String receiptNo, String applicationNumber, String projectTitle, Instant lodgedAt, String status,
            Instant decidedAt) {
    }

    /**
     * The outcome of the objection with this receipt number, for its objector, who gives the contact
     * given when lodging (written in any of the ways the form accepts). A wrong pair, an unknown
     * number and a malformed one get the same answer ({@code publicity.lookup.notFound}), so that
     * nothing can be learnt by trying. Limited as the form is: when unusual for the sender or the
     * receipt number, a {@code captcha} must be answered; beyond a limit, refused for the hour.
     */
    @Transactional
    public Outcome lookUp(String receiptNo, String contact, String source, CaptchaAnswer captcha) {
        String receipt = receiptNo == null ? "" : receiptNo.strip().toUpperCase(java.util.Locale.ROOT);
        String rawContact = contact == null ? "" : contact;
        List<Problem> problems = new ArrayList<>();
        if (receipt.isEmpty()) {
            problems.add(new Problem("publicity.lookup.error.receipt"));
        }
        if (rawContact.isBlank()) {
            problems.add(new Problem("publicity.lookup.error.contact"));
        }
        UserError.throwIfAny(problems);
        String sourceHash = hash(sourceKey(source));
        int failedFromSource = receipts.failedFromSource(sourceHash, Duration.ofHours(1));
        if (failedFromSource >= MAX_FAILED_LOOKUPS_PER_SOURCE_PER_HOUR) {
            throw new UserError("publicity.lookup.error.tooMany");
        }
        boolean wellFormed = receipt.length() <= MAX_RECEIPT && !ObjectionRules.hasForbiddenCharacters(receipt, false);
        boolean unusual = failedFromSource >= FREE_FAILED_LOOKUPS_PER_SOURCE_PER_HOUR
                || (wellFormed && receipts.failedForReceipt(receipt, Duration.ofHours(24)) >= FREE_FAILED_LOOKUPS_PER_RECEIPT_PER_DAY);
        if (captcha != null && captcha.challengeId() != null && captcha.answer() != null && !captcha.answer().isBlank()) {
            if (!captchas.use(captcha.challengeId(), captcha.answer())) {
                throw new UserError("publicity.error.captchaWrong");
            }
        } else if (unusual) {
            throw new UserError("publicity.lookup.error.captchaRequired");
        }
        Optional<ObjectionRules.Contact> key = ObjectionRules.contact(rawContact);
        Optional<Outcome> outcome = !wellFormed || key.isEmpty() ? Optional.empty() : jdbc.sql("""
                select o.receipt_no, a.number, a.title, o.lodged_at, o.status, o.decided_at,
                       p.status as open_status, p.decided_at as open_decided_at
                from objection o
                join application a on a.id = o.application_id
                left join objection p on p.id = o.addition_to
                where o.receipt_no = ? and o.contact_key = ?""")
                .params(receipt, key.get().key())
                .query((rs, n) -> {
                    // an addition is decided with the objection it was added to
                    String status = rs.getString("open_status") != null ? rs.getString("open_status") : rs.getString("status");
                    Timestamp decided = rs.getTimestamp("open_status") != null ? rs.getTimestamp("open_decided_at")
                            : rs.getTimestamp("decided_at");
                    return new Outcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            "ADDED".equals(status) ? "OPEN" : status, decided == null ? null : decided.toInstant());
                })
                .optional();
        receipts.recordLookup(sourceHash, wellFormed ? receipt : null, outcome.isPresent());
        return outcome.orElseThrow(() -> new UserError("publicity.lookup.notFound"));
    }

    /** Whether a lookup from {@code source} must come with a CAPTCHA answer, as far as known before the receipt. */
    @Transactional(readOnly = true)
    public boolean lookupCaptchaNeeded(String source) {
        return receipts.failedFromSource(hash(sourceKey(source)), Duration.ofHours(1)) >= FREE_FAILED_LOOKUPS_PER_SOURCE_PER_HOUR;
    }

    /**
     * Whether an objection from {@code source} against the project must come with a CAPTCHA answer,
     * as far as can be told before the contact is known (the page shows the picture at once then).
     */
    @Transactional(readOnly = true)
    public boolean captchaNeeded(String applicationNumber, String source) {
        return underNotice(applicationNumber).map(app -> unusualFor(app.id(), hash(sourceKey(source)))).orElse(false);
    }

    /** A new CAPTCHA for the objection form. */
    Captchas.Challenge newCaptcha() {
        return captchas.issue();
    }

    private Optional<Application> underNotice(String applicationNumber) {
        String number = applicationNumber == null ? "" : applicationNumber.strip();
        if (number.isEmpty() || number.length() > 60 || ObjectionRules.hasForbiddenCharacters(number, false)) {
            return Optional.empty();
        }
        return applications.findByNumber(number)
                .filter(a -> a.noticeEndsAt() != null && a.noticeEndsAt().isAfter(PlatformClock.now()));
    }

    private boolean unusualFor(long applicationId, String sourceHash) {
        return count("source_hash = ?", sourceHash, Duration.ofHours(1)) >= FREE_PER_SOURCE_PER_HOUR
                || count("application_id = ?", applicationId, Duration.ofHours(1)) >= FREE_PER_NOTICE_PER_HOUR;
    }

    /** Objections (additions included) that match the condition, lodged within the period up to now. */
    private int count(String condition, Object value, Duration period) {
        return jdbc.sql("select count(*) from objection where " + condition + " and lodged_at > ?")
                .params(value, Timestamp.from(PlatformClock.now().minus(period))).query(Integer.class).single();
    }

    /**
     * The sender for the limits: its address, or for IPv6 its /64 network (one connection usually
     * has a whole /64 to choose its addresses from).
     */
    static String sourceKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.indexOf(':') >= 0 && literal.matches("[0-9A-Fa-f:.]+")) {
            try {
                // a literal with a colon is parsed as IPv6, never looked up
                byte[] bytes = InetAddress.getByName(literal).getAddress();
                if (bytes.length == 16) {
                    return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
                }
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException notAnAddress) {
                return literal;
            }
        }
        return literal;
    }

    /**
     * An objection as the office sees it, with what the same contact added while it was open. The
     * objector's {@code name} and {@code contact} are null for anyone but the programme office and
     * administrators, whoever else may come to hold the task.
     */
    public record Objection(long id, long applicationId, String name, String contact, String text, Instant lodgedAt,
            String status, String decisionNote, List<Addition> additions, String receiptNo) {

        /** Whether the caller may know who lodged it. */
        public boolean objectorShown() {
            return contact != null;
        }
    }

    /** A later objection of the same contact against the same notice, added to the open one. */
    public record Addition(String name, String contact, String text, Instant lodgedAt) {
    }

    @Transactional(readOnly = true)
    public Objection objectionOfTask(String taskId) {
        long id = objectionIdOfTask(taskId);
        boolean mayKnowObjector = currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN);
        List<Addition> additions = jdbc.sql("select * from objection where addition_to = ? order by lodged_at, id").param(id)
                .query((rs, n) -> new Addition(mayKnowObjector ? rs.getString("name") : null,
                        mayKnowObjector ? rs.getString("contact") : null, rs.getString("objection_text"),
                        rs.getTimestamp("lodged_at").toInstant()))
                .list();
        return jdbc.sql("select * from objection where id = ?").param(id)
                .query((rs, n) -> new Objection(rs.getLong("id"), rs.getLong("application_id"),
                        mayKnowObjector ? rs.getString("name") : null, mayKnowObjector ? rs.getString("contact") : null,
                        rs.getString("objection_text"), rs.getTimestamp("lodged_at").toInstant(), rs.getString("status"),
                        rs.getString("decision_note"), additions, rs.getString("receipt_no")))
                .single();
    }

    /** The application an objection is about. */
    public long applicationOfObjection(long objectionId) {
        return jdbc.sql("select application_id from objection where id = ?").param(objectionId).query(Long.class).single();
    }

    long objectionIdOfTask(String taskId) {
        Object id = tasks.variable(taskId, ProjectProcess.OBJECTION_ID);
        if (!(id instanceof Number n)) {
            throw new UserError("notice.error.noObjection");
        }
        return n.longValue();
    }

    /** The office's decision: dismissed (the notice goes on) or upheld (not funded, or back to review). */
    @Transactional
    public void decide(String taskId, String outcome, String note) {
        tasks.get(taskId);
        Objection objection = objectionOfTask(taskId);
        List<String> outcomes = List.of(ProjectProcess.DISMISSED, ProjectProcess.UPHELD_NOT_FUNDED,
                ProjectProcess.UPHELD_BACK_TO_REVIEW);
        if (outcome == null || !outcomes.contains(outcome)) {
            throw new UserError("review.error.outcome");
        }
        if (note == null || note.isBlank() || note.length() > 4000) {
            throw new UserError("notice.error.decisionNote");
        }
        // the additions of the same contact are decided with it
        jdbc.sql("""
                update objection set status = ?, decided_by = ?, decided_at = ?, decision_note = ?
                where id = ? or addition_to = ?""")
                .params(ProjectProcess.DISMISSED.equals(outcome) ? "DISMISSED" : "UPHELD", currentUser.requireId(),
                        Timestamp.from(PlatformClock.now()), note.trim(), objection.id(), objection.id())
                .update();
        applications.record(objection.applicationId(), "objectionReview", outcome, note.trim(),
                Map.of("objectionId", objection.id()));
        if (!ProjectProcess.DISMISSED.equals(outcome)) {
            // an upheld objection ends the project's notice at once
            applications.setNotice(objection.applicationId(), null, null, null);
        }
        tasks.complete(taskId, Map.of(ProjectProcess.OUTCOME, outcome));
    }

    private String hash(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((salt + "|" + source).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
