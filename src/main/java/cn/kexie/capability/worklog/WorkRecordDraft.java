package cn.kexie.capability.worklog;

import java.time.LocalDate;

/**
 * What a society enters for a work record: a new one ({@code id} null) or a change to a saved one
 * (with the version it read). Facts that the chosen type does not ask for are not saved.
 */
class WorkRecordDraft {

    private Long id;
    private int version;
    private int year;
    private String workType;
    private String title;
    private LocalDate heldOn;
    private String description;
    private Integer participants;
    private Integer otherProvinces;
    private Integer countries;
    private boolean forums;
    private boolean materials;
    private boolean publicEvent;
    private boolean publishedInJournal;
    private boolean leaderSignedOff;
    private boolean adoptedAsPolicy;
    private boolean problemSolved;
    private boolean specialReport;
    private boolean motionOrProposal;
    /** The facts of the type's {@link WorkRecordField}s, by name; facts the chosen type does not ask for are not saved. */
    private final java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();

    WorkRecordDraft() {
    }

    WorkRecordDraft(int year, String workType, String title, LocalDate heldOn) {
        this.year = year;
        this.workType = workType;
        this.title = title;
        this.heldOn = heldOn;
    }

    static WorkRecordDraft of(WorkRecord r) {
        WorkRecordDraft d = new WorkRecordDraft(r.year(), r.workType(), r.title(), r.heldOn());
        d.id = r.id();
        d.version = r.version();
        d.description = r.description();
        d.participants = r.participants();
        d.otherProvinces = r.otherProvinces();
        d.countries = r.countries();
        d.forums = Boolean.TRUE.equals(r.forums());
        d.materials = Boolean.TRUE.equals(r.materials());
        d.publicEvent = Boolean.TRUE.equals(r.publicEvent());
        d.publishedInJournal = Boolean.TRUE.equals(r.publishedInJournal());
        d.leaderSignedOff = Boolean.TRUE.equals(r.leaderSignedOff());
        d.adoptedAsPolicy = Boolean.TRUE.equals(r.adoptedAsPolicy());
        d.problemSolved = Boolean.TRUE.equals(r.problemSolved());
        d.specialReport = Boolean.TRUE.equals(r.specialReport());
        d.motionOrProposal = Boolean.TRUE.equals(r.motionOrProposal());
        d.facts.putAll(r.facts());
        return d;
    }

    /** An academic exchange's facts, for tests and forms that fill them at once. */
    WorkRecordDraft exchange(Integer participants, Integer otherProvinces, Integer countries, boolean forums,
            boolean materials, boolean publicEvent) {
        this.participants = participants;
        this.otherProvinces = otherProvinces;
        this.countries = countries;
        this.forums = forums;
        this.materials = materials;
        this.publicEvent = publicEvent;
        return this;
    }

    /** Sets a fact of the type ({@link WorkRecordField}); null removes it. */
    WorkRecordDraft fact(String name, Object value) {
        if (value == null) {
            facts.remove(name);
        } else {
            facts.put(name, value);
        }
        return this;
    }

    java.util.Map<String, Object> getFacts() { return facts; }
    Long getId() { return id; }
    void setId(Long id) { this.id = id; }
    int getVersion() { return version; }
    void setVersion(int version) { this.version = version; }
    int getYear() { return year; }
    void setYear(int year) { this.year = year; }
    String getWorkType() { return workType; }
    void setWorkType(String workType) { this.workType = workType; }
    String getTitle() { return title; }
    void setTitle(String title) { this.title = title; }
    LocalDate getHeldOn() { return heldOn; }
    void setHeldOn(LocalDate heldOn) { this.heldOn = heldOn; }
    String getDescription() { return description; }
    void setDescription(String description) { this.description = description; }
    Integer getParticipants() { return participants; }
    void setParticipants(Integer participants) { this.participants = participants; }
    Integer getOtherProvinces() { return otherProvinces; }
    void setOtherProvinces(Integer otherProvinces) { this.otherProvinces = otherProvinces; }
    Integer getCountries() { return countries; }
    void setCountries(Integer countries) { this.countries = countries; }
    boolean isForums() { return forums; }
    void setForums(boolean forums) { this.forums = forums; }
    boolean isMaterials() { return materials; }
    void setMaterials(boolean materials) { this.materials = materials; }
    boolean isPublicEvent() { return publicEvent; }
    void setPublicEvent(boolean publicEvent) { this.publicEvent = publicEvent; }
    boolean isPublishedInJournal() { return publishedInJournal; }
    void setPublishedInJournal(boolean value) { this.publishedInJournal = value; }
    boolean isLeaderSignedOff() { return leaderSignedOff; }
    void setLeaderSignedOff(boolean value) { this.leaderSignedOff = value; }
    boolean isAdoptedAsPolicy() { return adoptedAsPolicy; }
    void setAdoptedAsPolicy(boolean value) { this.adoptedAsPolicy = value; }
    boolean isProblemSolved() { return problemSolved; }
    void setProblemSolved(boolean value) { this.problemSolved = value; }
    boolean isSpecialReport() { return specialReport; }
    void setSpecialReport(boolean value) { this.specialReport = value; }
    boolean isMotionOrProposal() { return motionOrProposal; }
    void setMotionOrProposal(boolean value) { this.motionOrProposal = value; }
}
