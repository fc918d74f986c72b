package cn.kexie.capability.application;

import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.Category;
import cn.kexie.capability.programme.DeclaredField;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.workflow.ProjectProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 申报资格预审: before an applicant fills a whole 申报书, the programme's own eligibility table is asked
 * with what the register already knows of the organisation (its yearly facts, its other applications
 * in the call). What the form will declare is not known yet and counts as not given, so the answer
 * is a warning, not a decision: the table decides again, with every fact, after submission.
 */
@Service
public class EligibilityPrecheck {

    private final OrganisationService organisations;
    private final ProgrammeCatalogue catalogue;
    private final ApplicationRepository repository;
    private final cn.kexie.capability.common.DecisionLookup decisions;
    private final CurrentUser currentUser;
    EligibilityPrecheck(OrganisationService organisations, ProgrammeCatalogue catalogue, ApplicationRepository repository,
            cn.kexie.capability.common.DecisionLookup decisions, CurrentUser currentUser) {
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.repository = repository;
        this.decisions = decisions;
        this.currentUser = currentUser;
    }

    /** The table's reasons against the caller's organisation applying in this category of the call (none: no obstacle seen). */
    @Transactional(readOnly = true)
    public List<String> reasons(long callId, String categoryCode) {
        if (!currentUser.hasRole(Roles.APPLICANT)) {
            throw new AccessDeniedException("application.error.notApplicant");
        }
        Organisation org = organisations.mine()
                .orElseThrow(() -> new AccessDeniedException("application.error.noOrganisation"));
        Call call = catalogue.call(callId).orElseThrow(() -> new UserError("programme.error.unknownCall", callId));
        Programme programme = catalogue.requireProgramme(call.programmeCode());
        if (programme.eligibilityDecisionKey() == null) {
            return List.of();
        }
        Map<String, Object> facts = new HashMap<>();
        for (DeclaredField field : catalogue.declaredFields(programme.code(), categoryCode)) {
            facts.put(field.name(), null);
        }
        facts.putAll(organisations.facts(org.getId(), call.year(), programme.code()));
        List<String> categories = catalogue.categories(programme.code()).stream().map(Category::code).toList();
        facts.put("othersByCategory", repository.countOthersByCategory(org.getId(), callId, categories, -1));
        facts.put("othersWithSameDeclared", Map.of());
        facts.put("previouslyRecognised", false);
        // the platform's own record of the year's recognised stations and projects, as the process reads it
        facts.put(ApplicationSteps.RECOGNISED_THIS_YEAR, recognisedThisYear(org.getId(), programme.code(), call.year(), categories));
        facts.put(ProjectProcess.CATEGORY, categoryCode);
        // the process holds the call's year (a table may count a window from it, as Xiangyang's activity dates)
        facts.put(ProjectProcess.CALL_YEAR, call.year());
        // a preview is a read and leaves no decision history
        DmnDecisionResult result = decisions.evaluate(programme.eligibilityDecisionKey(), programme.cityCode(), facts);
        List<String> reasons = new ArrayList<>();
        result.getResultList().forEach(entry -> entry.values().stream().filter(Objects::nonNull)
                .map(String::valueOf).forEach(reasons::add));
        return reasons;
    }

    private Map<String, Integer> recognisedThisYear(long organisationId, String programmeCode, int year, List<String> categories) {
        return repository.countRecognisedByCategory(organisationId, programmeCode, year, categories);
    }
}
