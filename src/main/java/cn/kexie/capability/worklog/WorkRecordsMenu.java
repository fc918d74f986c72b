package cn.kexie.capability.worklog;

import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.ui.MenuVisibility;
import org.springframework.stereotype.Component;

/** A society sees "工作记录" only if a programme of its city keeps work records (catalogue kind WORK_RECORD). */
@Component
class WorkRecordsMenu implements MenuVisibility {

    static final String PATH = "work-records";
    static final String KIND = "WORK_RECORD";

    private final OrganisationService organisations;
    private final ProgrammeCatalogue catalogue;

    WorkRecordsMenu(OrganisationService organisations, ProgrammeCatalogue catalogue) {
        this.organisations = organisations;
        this.catalogue = catalogue;
    }

    @Override
    public boolean visible(String path) {
        if (!PATH.equals(path)) {
            return true;
        }
        return organisations.mine().map(org -> catalogue.programmes().stream()
                .anyMatch(p -> KIND.equals(p.kind()) && p.cityCode().equals(org.getCityCode()))).orElse(false);
    }
}
