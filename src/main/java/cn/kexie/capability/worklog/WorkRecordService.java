package cn.kexie.capability.worklog;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.Category;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.programme.Programme;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chengdu work records (学会重点工作记录). A society's applicant records, changes and deletes its own
 * organisation's records only, whatever id it sends, and only while the office's yearly evaluation of
 * that year has not started. Every save classifies the record anew with the decision tables in force
 * at that moment. The programme office and managers read the records of their cities' societies,
 * administrators every society's.
 */
@Service
class WorkRecordService {

    static final int FIRST_YEAR = 2000;
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_PARTICIPANTS = 1_000_000;
    /** China has 34 provincial-level divisions: at most 33 besides Sichuan. */
    static final int MAX_OTHER_PROVINCES = 33;
    static final int MAX_COUNTRIES = 250;
    /** How many past years the applicant's year list offers besides those with records. */
    static final int YEARS_BACK = 4;

    static final String[] READERS = {Roles.PROGRAMME_OFFICE, Roles.ADMIN, Roles.MANAGER};

    private final WorkRecordRepository repository;
    private final WorkClassifier classifier;
    private final OrganisationService organisations;
    private final ProgrammeCatalogue catalogue;
    private final WorkRecordProgrammes programmes;
    private final CurrentUser currentUser;

    WorkRecordService(WorkRecordRepository repository, WorkClassifier classifier, OrganisationService organisations,
            ProgrammeCatalogue catalogue, WorkRecordProgrammes programmes, CurrentUser currentUser) {
        this.repository = repository;
        this.classifier = classifier;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.programmes = programmes;
        this.currentUser = currentUser;
    }

    /** The work types of a work-record programme: its categories in the catalogue. */
    @Transactional(readOnly = true)
    List<Category> workTypes(String programmeCode) {
        return catalogue.categories(programmeCode);
    }

    /** The work types of the programme an organisation keeps its records for (none if its city has none). */
    @Transactional(readOnly = true)
    List<Category> workTypesOf(long organisationId) {
        return programmeOf(organisationId).map(p -> catalogue.categories(p.code())).orElse(List.of());
    }

    /** The facts a work type of the applicant's programme asks for ({@link WorkRecordField}). */
    @Transactional(readOnly = true)
    List<WorkRecordField> myFields(String workType) {
        return repository.fields(myProgramme().code(), workType);
    }

    /** The facts a work type of a programme asks for, for the office's screens and exports. */
    @Transactional(readOnly = true)
    List<WorkRecordField> fields(String programmeCode, String workType) {
        return repository.fields(programmeCode, workType);
    }

    /** The work types of the applicant's own programme. */
    @Transactional(readOnly = true)
    List<Category> myWorkTypes() {
        return workTypes(myProgramme().code());
    }

    /** The work-record programme of an organisation's city, if the catalogue names one. */
    Optional<Programme> programmeOf(long organisationId) {
        return repository.cityOfOrganisation(organisationId).flatMap(programmes::ofCity);
    }

    /** The work-record programmes of the office's cities, for its screens; refused where none of them keeps work records. */
    @Transactional(readOnly = true)
    List<Programme> myProgrammes() {
        requireReader();
        List<Programme> mine = programmes.ofMyCities();
        if (mine.isEmpty()) {
            throw new AccessDeniedException("no programme of the caller's cities keeps work records");
        }
        return mine;
    }

    /** The applicant's organisation if its city has a programme that keeps work records. */
    @Transactional(readOnly = true)
    Optional<Organisation> myOrganisation() {
        if (!currentUser.hasRole(Roles.APPLICANT)) {
            return Optional.empty();
        }
        return organisations.mine().filter(org -> programmes.ofCity(org.getCityCode()).isPresent());
    }

    /** The work-record programme of the applicant's organisation. */
    private Programme myProgramme() {
        return programmes.ofCity(requireMine().getCityCode()).orElseThrow(() -> new UserError("worklog.error.notChengdu"));
    }

    /** The years the applicant's list offers: this year and a few before, and every year with records. */
    @Transactional(readOnly = true)
    List<Integer> myYears() {
        Organisation org = requireMine();
        int thisYear = PlatformClock.today().getYear();
        TreeSet<Integer> years = new TreeSet<>(repository.yearsOf(org.getId()));
        if (repository.cutoff(myProgramme().code(), thisYear).filter(PlatformClock.today()::isAfter).isPresent()) {
            // after this year's cut-off, outcomes formed now count in next year's evaluation
            years.add(thisYear + 1);
        }
        for (int y = thisYear; y >= Math.max(FIRST_YEAR, thisYear - YEARS_BACK); y--) {
            years.add(y);
        }
        return List.copyOf(years.descendingSet());
    }

    @Transactional(readOnly = true)
    List<WorkRecord> mine(int year) {
        return repository.ofOrganisation(requireMine().getId(), year);
    }

    /** Whether the office's evaluation of the applicant's year has started, so that its records are locked. */
    @Transactional(readOnly = true)
    boolean isLocked(int year) {
        return repository.evaluationStarted(requireMine().getId(), year);
    }

    /** The record, if the caller may read it: its own organisation's, or for the office any of its cities'. */
    @Transactional(readOnly = true)
    WorkRecord get(long id) {
        WorkRecord record = repository.find(id).orElseThrow(() -> new UserError("worklog.error.notFound", id));
        if (currentUser.hasAnyRole(READERS)) {
            if (!currentUser.cities().includes(repository.cityOf(id).orElse(null))) {
                throw new AccessDeniedException("work record " + id + " is of another city");
            }
            return record;
        }
        if (record.organisationId() != requireMine().getId()) {
            throw new AccessDeniedException("work record " + id + " is not the caller's");
        }
        return record;
    }

    @Transactional(readOnly = true)
    List<EvidenceFiles.Stored> files(long recordId) {
        get(recordId);
        return repository.files(recordId);
    }

    @Transactional(readOnly = true)
    byte[] fileContent(long recordId, long fileId) {
        get(recordId);
        return repository.fileContent(recordId, fileId).orElseThrow(() -> new UserError("attachment.error.notFound"));
    }

    /**
     * Saves a new record or a change, with new evidence files and files to remove, all or nothing:
     * every problem is reported at once, and a refused save leaves nothing behind. The record is
     * classified by the decision tables deployed now and keeps the version that decided.
     */
    @Transactional
    WorkRecord save(WorkRecordDraft draft, List<EvidenceFiles.Upload> newFiles, List<Long> removedFiles) {
        Organisation org = requireMine();
        WorkRecord existing = null;
        if (draft.getId() != null) {
            existing = repository.find(draft.getId())
                    .orElseThrow(() -> new UserError("worklog.error.notFound", draft.getId()));
            if (existing.organisationId() != org.getId()) {
                throw new AccessDeniedException("work record " + draft.getId() + " is not the caller's");
            }
            // the year of a saved record stays; a record for another year is a new record
            draft.setYear(existing.year());
        }
        clean(draft);
        String programmeCode = myProgramme().code();
        List<WorkRecordField> fields = draft.getWorkType() == null ? List.of() : repository.fields(programmeCode, draft.getWorkType());
        // only the facts the chosen type asks for are kept
        draft.getFacts().keySet().removeIf(name -> fields.stream().noneMatch(f -> f.name().equals(name)));
        List<Problem> problems = validate(programmeCode, draft);
        problems.addAll(validateFacts(fields, draft));
        for (EvidenceFiles.Upload file : newFiles) {
            problems.addAll(EvidenceFiles.check(file));
        }
        List<Long> kept = existing == null ? List.of() : repository.files(existing.id()).stream()
                .map(EvidenceFiles.Stored::id).filter(fileId -> !removedFiles.contains(fileId)).toList();
        if (kept.size() + newFiles.size() > EvidenceFiles.MAX_PER_RECORD) {
            problems.add(new Problem("worklog.error.tooManyFiles", EvidenceFiles.MAX_PER_RECORD));
        }
        repository.lockOrganisation(org.getId());
        requireOpen(org.getId(), draft.getYear());
        UserError.throwIfAny(problems);

        WorkClassifier.Classification classification = classifier.classify(draft);
        String user = currentUser.requireId();
        Instant now = PlatformClock.now();
        long id;
        if (existing == null) {
            id = repository.insert(org.getId(), draft, classification, user, now);
        } else {
            id = existing.id();
            try {
                repository.update(draft, classification, user, now);
            } catch (OptimisticLockingFailureException changed) {
                throw new UserError("common.error.changedMeanwhile");
            }
            for (Long fileId : removedFiles) {
                repository.deleteFile(id, fileId);
            }
        }
        for (EvidenceFiles.Upload file : newFiles) {
            String name = EvidenceFiles.cleanName(file.fileName());
            repository.insertFile(id, name, EvidenceFiles.contentType(name), file.content(),
                    EvidenceFiles.sha256(file.content()), user, now);
        }
        return repository.find(id).orElseThrow();
    }

    @Transactional
    void delete(long id) {
        Organisation org = requireMine();
        WorkRecord record = repository.find(id).orElseThrow(() -> new UserError("worklog.error.notFound", id));
        if (record.organisationId() != org.getId()) {
            throw new AccessDeniedException("work record " + id + " is not the caller's");
        }
        repository.lockOrganisation(org.getId());
        requireOpen(org.getId(), record.year());
        repository.delete(id);
    }

    /** The evaluation cut-off date of the programme's year, as the office set it (empty: not set, the outcomes count in their own year). */
    @Transactional(readOnly = true)
    Optional<LocalDate> cutoff(String programmeCode, int year) {
        return repository.cutoff(programmeCode, year);
    }

    /**
     * The office sets a year's evaluation cut-off date (成果形成日期以当年评估截止日期为准): a day of that year.
     * Only the programme office (or an administrator) of the programme's city.
     */
    @Transactional
    public void setCutoff(String programmeCode, int year, LocalDate cutoff) {
        if (!currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN)) {
            throw new AccessDeniedException("the evaluation cut-off is the programme office's");
        }
        // a programme of the caller's cities that keeps work records, or refused
        programmes.requireMine(programmeCode);
        if (cutoff == null || cutoff.getYear() != year || year < FIRST_YEAR || year > PlatformClock.today().getYear() + 1) {
            throw new UserError("worklog.error.cutoff", String.valueOf(year));
        }
        repository.setCutoff(programmeCode, year, cutoff, currentUser.requireId());
    }

    /** Every society's records of the reader's cities, for the office's list. */
    @Transactional(readOnly = true)
    List<WorkRecord> search(WorkRecordRepository.Filter filter, int offset, int limit) {
        requireReader();
        return repository.search(readableCities(), filter, offset, limit);
    }

    @Transactional(readOnly = true)
    int count(WorkRecordRepository.Filter filter) {
        requireReader();
        return repository.count(readableCities(), filter);
    }

    /** The cities whose societies' records the reader sees: null for every city. */
    private java.util.Set<String> readableCities() {
        var scope = currentUser.cities();
        return scope.all() ? null : scope.cities();
    }

    /** For the evaluation's steps and forms, after they checked the task: no access check here. */
    List<WorkRecord> recordsOf(long organisationId, int year) {
        return repository.ofOrganisation(organisationId, year);
    }

    private void requireOpen(long organisationId, int year) {
        if (repository.evaluationStarted(organisationId, year)) {
            throw new UserError("worklog.error.locked", String.valueOf(year));
        }
    }

    private Organisation requireMine() {
        if (!currentUser.hasRole(Roles.APPLICANT)) {
            throw new AccessDeniedException("work records are kept by applicants");
        }
        Organisation org = organisations.mine()
                .orElseThrow(() -> new AccessDeniedException("the applicant belongs to no organisation"));
        if (programmes.ofCity(org.getCityCode()).isEmpty()) {
            throw new UserError("worklog.error.notChengdu");
        }
        return org;
    }

    private void requireReader() {
        if (!currentUser.hasAnyRole(READERS)) {
            throw new AccessDeniedException("work records of all societies are for the programme office");
        }
    }

    private static void clean(WorkRecordDraft d) {
        d.setTitle(d.getTitle() == null ? null : d.getTitle().trim());
        if (d.getDescription() != null) {
            d.setDescription(d.getDescription().isBlank() ? null : d.getDescription().trim());
        }
    }

    /** Each stated fact of the type: given where required, of its type, within its bounds, one of its choices. */
    static List<Problem> validateFacts(List<WorkRecordField> fields, WorkRecordDraft d) {
        List<Problem> problems = new ArrayList<>();
        for (WorkRecordField field : fields) {
            Object value = d.getFacts().get(field.name());
            if (value instanceof String text && text.isBlank()) {
                d.fact(field.name(), null);
                value = null;
            }
            if (value == null) {
                if (field.required()) {
                    problems.add(new Problem("worklog.error.factMissing", field.labelZh(), field.labelEn()));
                }
                continue;
            }
            boolean fits = switch (field.type()) {
                case BOOLEAN -> value instanceof Boolean;
                case INTEGER -> value instanceof Integer n && (field.min() == null || n >= field.min())
                        && (field.max() == null || n <= field.max());
                case CHOICE -> field.choice(value).isPresent();
            };
            if (!fits) {
                problems.add(new Problem("worklog.error.factInvalid", field.labelZh(), field.labelEn(),
                        allowed(field, true), allowed(field, false)));
            }
        }
        return problems;
    }

    private static String allowed(WorkRecordField field, boolean chinese) {
        return switch (field.type()) {
            case BOOLEAN -> chinese ? "是或否" : "yes or no";
            case INTEGER -> (field.min() == null ? "" : field.min()) + "–" + (field.max() == null ? "" : field.max());
            case CHOICE -> String.join(chinese ? "、" : ", ",
                    field.choices().stream().map(c -> chinese ? c.labelZh() : c.labelEn()).toList());
        };
    }

    List<Problem> validate(String programmeCode, WorkRecordDraft d) {
        List<Problem> problems = new ArrayList<>();
        LocalDate today = PlatformClock.today();
        // the evaluation year the record's date counts in (成果形成日期以当年评估截止日期为准): the table decides
        Integer countsIn = d.getHeldOn() == null || d.getWorkType() == null ? null
                : classifier.evaluationYear(d.getWorkType(), d.getHeldOn(),
                        repository.cutoff(programmeCode, d.getHeldOn().getYear()).orElse(null));
        boolean nextYearsOutcome = countsIn != null && countsIn == d.getYear() && countsIn == today.getYear() + 1
                && d.getHeldOn().getYear() < countsIn;
        if (d.getYear() < FIRST_YEAR || (d.getYear() > today.getYear() && !nextYearsOutcome)) {
            problems.add(new Problem("worklog.error.year", String.valueOf(FIRST_YEAR), String.valueOf(today.getYear())));
        }
        if (d.getWorkType() == null || workTypes(programmeCode).stream().noneMatch(t -> t.code().equals(d.getWorkType()))) {
            problems.add(new Problem("worklog.error.type"));
        }
        if (d.getTitle() == null || d.getTitle().isEmpty() || d.getTitle().length() > MAX_TITLE) {
            problems.add(new Problem("worklog.error.title", MAX_TITLE));
        }
        if (d.getHeldOn() == null) {
            problems.add(new Problem("worklog.error.dateMissing"));
        } else if (countsIn != null && countsIn != d.getYear() && countsIn != d.getHeldOn().getYear()) {
            // an outcome formed after its year's cut-off counts next year
            problems.add(new Problem("worklog.error.outcomeAfterCutoff", d.getHeldOn().toString(),
                    String.valueOf(d.getHeldOn().getYear()), String.valueOf(countsIn)));
        } else if (d.getHeldOn().getYear() != d.getYear()
                && !(countsIn != null && countsIn == d.getYear())) {
            problems.add(new Problem("worklog.error.dateOutsideYear", d.getHeldOn().toString(), String.valueOf(d.getYear())));
        } else if (d.getHeldOn().isAfter(today)) {
            problems.add(new Problem("worklog.error.dateInFuture", d.getHeldOn().toString()));
        }
        if (d.getDescription() != null && d.getDescription().length() > MAX_DESCRIPTION) {
            problems.add(new Problem("worklog.error.description", MAX_DESCRIPTION));
        }
        if (WorkClassifier.ACADEMIC_EXCHANGE.equals(d.getWorkType())) {
            if (d.getParticipants() == null || d.getParticipants() < 1 || d.getParticipants() > MAX_PARTICIPANTS) {
                problems.add(new Problem("worklog.error.participants", MAX_PARTICIPANTS));
            }
            if (d.getOtherProvinces() == null || d.getOtherProvinces() < 0 || d.getOtherProvinces() > MAX_OTHER_PROVINCES) {
                problems.add(new Problem("worklog.error.otherProvinces", MAX_OTHER_PROVINCES));
            }
            if (d.getCountries() == null || d.getCountries() < 1 || d.getCountries() > MAX_COUNTRIES) {
                problems.add(new Problem("worklog.error.countries", MAX_COUNTRIES));
            }
        }
        return problems;
    }
}
