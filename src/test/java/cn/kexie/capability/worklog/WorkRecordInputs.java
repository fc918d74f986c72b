package cn.kexie.capability.worklog;

import cn.kexie.capability.AsUser;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationContext;

/**
 * Work records as a society enters them, for tests outside this package (the hostile-input table):
 * the service and its draft are package-private.
 */
public final class WorkRecordInputs {

    /** What was saved: the texts as stored, and the names of the evidence files. */
    public record Saved(long id, String title, String description, Integer participants, List<String> fileNames) {
    }

    private final WorkRecordService records;
    private final IdentityService identity;

    public WorkRecordInputs(ApplicationContext context) {
        this.records = context.getBean(WorkRecordService.class);
        this.identity = context.getBean(IdentityService.class);
    }

    /** Saves an academic exchange as {@code user}; throws what the service throws. */
    public Saved saveExchange(String user, int year, String title, LocalDate heldOn, String description,
            Integer participants, Integer otherProvinces, Integer countries, String fileName, byte[] file) {
        WorkRecordDraft draft = new WorkRecordDraft(year, WorkClassifier.ACADEMIC_EXCHANGE, title, heldOn);
        draft.setDescription(description);
        draft.exchange(participants, otherProvinces, countries, false, false, false).fact("eventRole", "HOST");
        List<EvidenceFiles.Upload> files = fileName == null ? List.of() : List.of(new EvidenceFiles.Upload(fileName, file));
        return AsUser.call(identity, user, () -> {
            WorkRecord saved = records.save(draft, files, List.of());
            List<String> names = records.files(saved.id()).stream().map(EvidenceFiles.Stored::fileName).toList();
            return new Saved(saved.id(), saved.title(), saved.description(), saved.participants(), names);
        });
    }

    /** How many records the user's organisation has in the year. */
    public int count(String user, int year) {
        return AsUser.call(identity, user, () -> records.mine(year).size());
    }

    public void delete(String user, long id) {
        AsUser.run(identity, user, () -> records.delete(id));
    }
}
