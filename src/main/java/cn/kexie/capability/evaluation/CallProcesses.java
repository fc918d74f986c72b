package cn.kexie.capability.evaluation;

import cn.kexie.capability.common.PlatformClock;
import cn.kexie.capability.programme.CallCreated;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A programme whose calls run a process of their own (its catalogue entry names the call process)
 * gets one instance per call, started with the call in the same transaction; it waits for the
 * publication date. Business key: programme code and year, e.g. XUZHOU-2026.
 */
@Component
class CallProcesses {

    private static final Logger log = LoggerFactory.getLogger(CallProcesses.class);

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final ProgrammeCatalogue catalogue;

    CallProcesses(RuntimeService runtimeService, RepositoryService repositoryService, ProgrammeCatalogue catalogue) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.catalogue = catalogue;
    }

    @EventListener
    void onCallCreated(CallCreated created) {
        String key = created.programme().callProcessKey();
        if (key == null) {
            return;
        }
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
            log.warn("Programme {} names call process {}, which is not deployed: call {} runs without it",
                    created.programme().code(), key, created.call().id());
            return;
        }
        Date publishedAt = Date.from(created.call().publishedOn().atStartOfDay(PlatformClock.ZONE).toInstant());
        var instance = runtimeService.startProcessInstanceByKey(key,
                created.programme().code() + "-" + created.call().year(),
                Map.of(CallSteps.CALL_ID, created.call().id(), "programme", created.programme().code(),
                        "publishedAt", publishedAt));
        catalogue.setCallProcess(created.call().id(), instance.getId());
    }
}
