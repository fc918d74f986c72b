package cn.kexie.capability.organisation;

import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.security.CityScope;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation register (学会名录). Office staff edit the organisations of their cities,
 * administrators every city's; the office and managers read their cities' organisations; an
 * applicant reads its own organisation only, whatever id it asks for. Another city's organisation is
 * refused like a missing one.
 */
@Service
public class OrganisationService {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{1,39}");
    static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,40}");
    /** A bank account number: digits only (spaces as typed are dropped), 8 to 30 of them. */
    static final Pattern ACCOUNT_NO = Pattern.compile("[0-9]{8,30}");
    static final int MAX_BANK_NAME = 100;
    static final int MAX_ACCOUNT_NAME = 200;
    static final int FIRST_YEAR = 1949;
    static final int LAST_YEAR = 2100;

    private final OrganisationRepository repository;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    OrganisationService(OrganisationRepository repository, CurrentUser currentUser, JdbcClient jdbc) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /** The organisation, if the caller may see it. */
    @Transactional(readOnly = true)
    public Organisation get(long id) {
        Organisation org = repository.findById(id)
                .orElseThrow(() -> new UserError("organisation.error.notFound", id));
        checkRead(org);
        return org;
    }

    /** For process steps and other services running without a person: no access check. */
    @Transactional(readOnly = true)
    public Organisation load(long id) {
        return repository.findByIdKept(id).orElseThrow(() -> new UserError("organisation.error.notFound", id));
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> findByCode(String code) {
        return repository.findByCode(code);
    }

    /** The organisation the logged-in applicant belongs to. */
    @Transactional(readOnly = true)
    public Optional<Organisation> mine() {
        return currentUser.organisationGroup().flatMap(this::findByGroup);
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> ofUser(String userId) {
        return currentUser.organisationGroupOf(userId).flatMap(this::findByGroup);
    }

    private Optional<Organisation> findByGroup(String groupId) {
        return Roles.isOrganisationGroup(groupId)
                ? repository.findByCodeKept(groupId.substring("org-".length()))
                : Optional.empty();
    }

    /** The register of the caller's cities, for the office, managers and administrators. */
    @Transactional(readOnly = true)
    public List<Organisation> search(String cityCode, String text, int offset, int limit) {
        requireReader();
        return repository.search(readableCities(), cityCode, text, offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(String cityCode, String text) {
        requireReader();
        return repository.count(readableCities(), cityCode, text);
    }

    /** The cities whose organisations the caller reads: null for every city. */
    private java.util.Set<String> readableCities() {
        CityScope scope = currentUser.cities();
        return scope.all() ? null : scope.cities();
    }

    @Transactional(readOnly = true)
    public Map<String, Object> facts(long organisationId, int year, String programmeCode) {
        return OrganisationFacts.of(load(organisationId), year, programmeCode);
    }

    /** Validates everything, then saves the organisation and its yearly records in one transaction. */
    @Transactional
    public Organisation save(Organisation org) {
        if (!currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN)) {
            throw new AccessDeniedException("organisation.error.forbidden");
        }
        // the office keeps its own cities' register: neither an organisation of another city, nor one moved there
        CityScope cities = currentUser.cities();
        if (org.getId() != null) {
            Organisation stored = repository.findById(org.getId())
                    .orElseThrow(() -> new UserError("organisation.error.notFound", org.getId()));
            if (!cities.includes(stored.getCityCode())) {
                throw new AccessDeniedException("organisation.error.forbidden");
            }
        }
        if (org.getCityCode() != null && !cities.includes(org.getCityCode())
                && jdbc.sql("select count(*) from city where code = ?").param(org.getCityCode()).query(Integer.class).single() > 0) {
            throw new AccessDeniedException("organisation.error.forbidden");
        }
        normaliseBankAccount(org);
        UserError.throwIfAny(validate(org));
        try {
            repository.save(org, currentUser.id().orElse("system"));
        } catch (OptimisticLockingFailureException changed) {
            throw new UserError("common.error.changedMeanwhile");
        }
        return repository.findById(org.getId()).orElseThrow();
    }

    /** For the sanction step of a process: appends to the register, never replaces. */
    @Transactional
    public void addSanction(long organisationId, Organisation.Sanction sanction) {
        load(organisationId);
        repository.addSanction(organisationId, sanction);
    }

    List<Problem> validate(Organisation org) {
        List<Problem> problems = new ArrayList<>();
        if (org.getCode() == null || !CODE.matcher(org.getCode().trim()).matches()) {
            problems.add(new Problem("organisation.error.code"));
        } else if (repository.codeExists(org.getCode().trim(), org.getId())) {
            problems.add(new Problem("organisation.error.codeTaken", org.getCode().trim()));
        }
        if (org.getName() == null || org.getName().isBlank() || org.getName().trim().length() > 200) {
            problems.add(new Problem("organisation.error.name"));
        }
        if (org.getCityCode() == null || jdbc.sql("select count(*) from city where code = ?")
                .param(org.getCityCode()).query(Integer.class).single() == 0) {
            problems.add(new Problem("organisation.error.city"));
        }
        if (org.getType() == null) {
            problems.add(new Problem("organisation.error.type"));
        }
        if (org.getRating() < 0 || org.getRating() > 5) {
            problems.add(new Problem("organisation.error.rating"));
        }
        if (org.getGroupMember() == null) {
            org.setGroupMember(GroupMembership.NONE);
        }
        if (org.getContactPhone() != null && !org.getContactPhone().isBlank()
                && !PHONE.matcher(org.getContactPhone().trim()).matches()) {
            problems.add(new Problem("organisation.error.phone"));
        }
        if (org.getSecretaryGeneral() != null && org.getSecretaryGeneral().length() > 100
                || org.getContactName() != null && org.getContactName().length() > 100) {
            problems.add(new Problem("organisation.error.personName"));
        }
        validateBankAccount(org, problems);
        checkYears(problems, org.getInspections().stream().map(Organisation.YearResult::year).toList(), "inspection");
        checkYears(problems, org.getAssessments().stream().map(Organisation.YearResult::year).toList(), "assessment");
        for (var c : org.getCommendations()) {
            if (!inRange(c.year()) || c.title() == null || c.title().isBlank() || c.title().length() > 200
                    || !List.of("MUNICIPAL", "PROVINCIAL", "NATIONAL").contains(c.level())) {
                problems.add(new Problem("organisation.error.commendation"));
                break;
            }
        }
        for (var v : org.getViolations()) {
            if (!inRange(v.year()) || v.description() == null || v.description().isBlank()
                    || v.description().length() > 1000
                    || !List.of("VIOLATION", "PENALTY", "ENTRUSTED_WORK_FAILURE").contains(v.kind())) {
                problems.add(new Problem("organisation.error.violation"));
                break;
            }
        }
        return problems;
    }

    /** The account as it is kept: trimmed, the number without the spaces people type in groups; blank is none. */
    static void normaliseBankAccount(Organisation org) {
        org.setBankName(trimToNull(org.getBankName()));
        org.setBankAccountName(trimToNull(org.getBankAccountName()));
        org.setBankAccountNo(org.getBankAccountNo() == null ? null : trimToNull(org.getBankAccountNo().replace(" ", "")));
    }

    /** The bank account (开户银行, 户名, 账号): all three or none; the number digits only. */
    static void validateBankAccount(Organisation org, List<Problem> problems) {
        String bank = trimToNull(org.getBankName());
        String name = trimToNull(org.getBankAccountName());
        String number = org.getBankAccountNo() == null ? null : trimToNull(org.getBankAccountNo().replace(" ", ""));
        if (bank == null && name == null && number == null) {
            return;
        }
        if (bank == null || name == null || number == null) {
            problems.add(new Problem("organisation.error.bankIncomplete"));
        }
        if (bank != null && (bank.length() < 2 || bank.length() > MAX_BANK_NAME)) {
            problems.add(new Problem("organisation.error.bankName", 2, MAX_BANK_NAME));
        }
        if (name != null && (name.length() < 2 || name.length() > MAX_ACCOUNT_NAME)) {
            problems.add(new Problem("organisation.error.bankAccountName", 2, MAX_ACCOUNT_NAME));
        }
        if (number != null && !ACCOUNT_NO.matcher(number).matches()) {
            problems.add(new Problem("organisation.error.bankAccountNo", 8, 30));
        }
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void checkYears(List<Problem> problems, List<Integer> years, String what) {
        if (years.stream().anyMatch(y -> !inRange(y))) {
            problems.add(new Problem("organisation.error.year", FIRST_YEAR, LAST_YEAR));
        } else if (years.stream().distinct().count() != years.size()) {
            problems.add(new Problem("organisation.error.duplicateYear." + what));
        }
    }

    private static boolean inRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    private void checkRead(Organisation org) {
        if (currentUser.isApplicantOnly()) {
            boolean own = currentUser.organisationGroup()
                    .map(g -> g.equals(Roles.organisationGroup(org.getCode())))
                    .orElse(false);
            if (!own) {
                throw new AccessDeniedException("organisation.error.forbidden");
            }
        } else if (!currentUser.hasAnyRole(READERS) || !currentUser.cities().includes(org.getCityCode())) {
            throw new AccessDeniedException("organisation.error.forbidden");
        }
    }

    /** Who reads the register (as its views allow): the office, managers, administrators. */
    static final String[] READERS = {Roles.PROGRAMME_OFFICE, Roles.MANAGER, Roles.ADMIN};

    private void requireReader() {
        if (!currentUser.hasAnyRole(READERS)) {
            throw new AccessDeniedException("organisation.error.forbidden");
        }
    }
}
