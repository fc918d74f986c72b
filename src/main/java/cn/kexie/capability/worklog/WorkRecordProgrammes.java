package cn.kexie.capability.worklog;

import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The programmes whose societies keep work records and whose office runs the yearly evaluation: those
 * whose catalogue row says so ({@link Programme#workRecords()}), never a city named in Java.
 */
@Component
class WorkRecordProgrammes {

    private final ProgrammeCatalogue catalogue;

    WorkRecordProgrammes(ProgrammeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The work-record programme of a city (the first by code, should a city have two). */
    Optional<Programme> ofCity(String cityCode) {
        return catalogue.programmes().stream().filter(Programme::workRecords)
                .filter(p -> p.cityCode().equals(cityCode)).findFirst();
    }

    /** The work-record programmes of the current user's cities. */
    List<Programme> ofMyCities() {
        return catalogue.programmesOfMyCities().stream().filter(Programme::workRecords).toList();
    }

    /** The programme, if it keeps work records and is one of the current user's cities; refused otherwise. */
    Programme requireMine(String programmeCode) {
        return ofMyCities().stream().filter(p -> p.code().equals(programmeCode)).findFirst()
                .orElseThrow(() -> new AccessDeniedException("no work-record programme " + programmeCode + " of the caller's cities"));
    }
}
