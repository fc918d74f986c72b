package cn.kexie.capability.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the applicant edits in the 申报书 form: a mutable bean for the form's binder. */
public class ApplicationDraft {

    private String title = "";
    private String aims = "";
    private String content = "";
    private String schedule = "";
    private String expectedResults = "";
    private List<Application.BudgetLine> budget = new ArrayList<>();
    private Map<String, Object> declared = new LinkedHashMap<>();
    /** Null: this save leaves the particulars as they are. */
    private ProjectParticulars particulars;

    public static ApplicationDraft of(Application a) {
        ApplicationDraft d = new ApplicationDraft();
        d.title = a.title();
        d.aims = nz(a.aims());
        d.content = nz(a.content());
        d.schedule = nz(a.schedule());
        d.expectedResults = nz(a.expectedResults());
        d.budget = new ArrayList<>(a.budget());
        d.declared = new LinkedHashMap<>(a.declared());
        return d;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getAims() { return aims; }
    public void setAims(String v) { aims = v; }
    public String getContent() { return content; }
    public void setContent(String v) { content = v; }
    public String getSchedule() { return schedule; }
    public void setSchedule(String v) { schedule = v; }
    public String getExpectedResults() { return expectedResults; }
    public void setExpectedResults(String v) { expectedResults = v; }
    public List<Application.BudgetLine> getBudget() { return budget; }
    public void setBudget(List<Application.BudgetLine> v) { budget = new ArrayList<>(v); }
    public ProjectParticulars getParticulars() { return particulars; }
    public void setParticulars(ProjectParticulars v) { particulars = v; }
    public Map<String, Object> getDeclared() { return declared; }
    public void setDeclared(Map<String, Object> v) { declared = new LinkedHashMap<>(v); }
}
