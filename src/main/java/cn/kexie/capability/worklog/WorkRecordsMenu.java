package cn.kexie.capability.worklog;

import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.ui.MenuVisibility;
import org.springframework.stereotype.Component;

/**
 * A society sees "工作记录" only if a programme of its city keeps work records (catalogue kind
 * WORK_RECORD); staff see the list of all societies' records only if one of their cities keeps them.
 */
@Component
class WorkRecordsMenu implements MenuVisibility {

    static final String PATH = "work-records";
    static final String ALL_PATH = "work-records/all";
    static final String KIND = "WORK_RECORD";

    private final OrganisationService organisations;
    private final ProgrammeCatalogue catalogue;

    WorkRecordsMenu(OrganisationService organisations, ProgrammeCatalogue catalogue) {
        this.organisations = organisations;
        this.catalogue = catalogue;
    }

    @Override
    public boolean visible(String path) {
        if (ALL_PATH.equals(path)) {
            return catalogue.programmesOfMyCities().stream().anyMatch(p -> KIND.equals(p.kind()));
        }
        if (!PATH.equals(path)) {
            return true;
        }
        return organisations.mine().map(org -> catalogue.programmes().stream()
                .anyMatch(p -> KIND.equals(p.kind()) && p.cityCode().equals(org.getCityCode()))).orElse(false);
    }
}
