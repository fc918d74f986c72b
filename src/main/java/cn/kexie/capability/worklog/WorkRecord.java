package cn.kexie.capability.worklog;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One piece of work a Chengdu society recorded for a year, with the facts its type asks for and the
 * class the decision tables gave it at its last save ({@link WorkClassifier}).
 */
record WorkRecord(long id, long organisationId, String organisationCode, String organisationName, int year,
        String workType, String title, LocalDate heldOn, String description,
        Integer participants, Integer otherProvinces, Integer countries, Boolean forums, Boolean materials,
        Boolean publicEvent,
        Boolean publishedInJournal, Boolean leaderSignedOff, Boolean adoptedAsPolicy, Boolean problemSolved,
        Boolean specialReport, Boolean motionOrProposal,
        String activityClass, Boolean outcomeCounts, String decisionKey, Integer decisionVersion,
        Instant classifiedAt, String updatedBy, Instant updatedAt, int version, int fileCount,
        java.util.Map<String, Object> facts) {

    /** The record's stated facts of its type ({@link WorkRecordField}), never null. */
    public WorkRecord {
        facts = facts == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
    }

    /**
     * The class for lists and filters: the activity class of an academic exchange,
     * {@link WorkClassifier#OUTCOME} or {@link WorkClassifier#NO_OUTCOME} for research and advice,
     * null for the other types, which are not classified.
     */
    String workClass() {
        if (activityClass != null) {
            return activityClass;
        }
        if (outcomeCounts != null) {
            return outcomeCounts ? WorkClassifier.OUTCOME : WorkClassifier.NO_OUTCOME;
        }
        return null;
    }
}
