package cn.kexie.capability.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The business side of a task list line, read for a whole page in one query: which application (or
 * programme call) a process instance runs, its number, title, applicant and programme. Implemented
 * by the feature that owns applications, so that the workflow package does not depend on it.
 */
public interface TaskBusinessData {

    /** What a task list line shows of its process instance's application or call. */
    record Facts(String processInstanceId, Long applicationId, String number, String title, String organisation,
            String programmeZh, String programmeEn, Integer year, String status) {

        public String programme(Locale locale) {
            return "en".equals(locale.getLanguage()) ? programmeEn : programmeZh;
        }
    }

    /** The facts of these process instances, in one query; instances of neither are missing from the map. */
    Map<String, Facts> byProcessInstance(Collection<String> processInstanceIds);

    /**
     * The process instances of applications whose number, title or applicant contains the text (at
     * most {@code max}); used only to narrow an engine query the user's own rights still restrict.
     */
    List<Match> processInstancesMatching(String text, int max);

    /** An application's process instance and number (its business key). */
    record Match(String processInstanceId, String number) {
    }

    /** The applications of the current applicant's organisation (我发起的), newest first. */
    List<Facts> ofMyOrganisation(int offset, int limit);

    int countOfMyOrganisation();
}
