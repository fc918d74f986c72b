package cn.kexie.capability.worklog;

import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.ui.MenuVisibility;
import org.springframework.stereotype.Component;

/**
 * A society sees "工作记录" only if a programme of its city keeps work records (its catalogue row says so);
 * staff see the list of all societies' records only if one of their cities keeps them.
 */
@Component
class WorkRecordsMenu implements MenuVisibility {

    static final String PATH = "work-records";
    static final String ALL_PATH = "work-records/all";

    private final OrganisationService organisations;
    private final WorkRecordProgrammes programmes;

    WorkRecordsMenu(OrganisationService organisations, WorkRecordProgrammes programmes) {
        this.organisations = organisations;
        this.programmes = programmes;
    }

    @Override
    public boolean visible(String path) {
        if (ALL_PATH.equals(path)) {
            return !programmes.ofMyCities().isEmpty();
        }
        if (!PATH.equals(path)) {
            return true;
        }
        return organisations.mine().map(org -> programmes.ofCity(org.getCityCode()).isPresent()).orElse(false);
    }
}
