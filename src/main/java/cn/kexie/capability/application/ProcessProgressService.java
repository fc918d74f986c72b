package cn.kexie.capability.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data of the dossier's process diagram ("where it stands"). Whoever may read the dossier may
 * read its diagram, nobody else: the application is read through {@link ApplicationService#get},
 * which refuses as the dossier does ({@link DossierAccess}). Only then are the engine's data read,
 * as the platform itself and not as the caller (applicants have no engine authorizations, and none
 * are opened to them): one history query for the instance's activities, and the definition's XML
 * and flows, read once per definition version (a deployed version never changes).
 * <p>
 * Which activities and flows count: an activity instance that has ended was passed (completed, or
 * left when an event or a move cancelled it); one that has not ended is a current step, except a
 * sub-process or a multi-instance body still running, which only frames its current steps. A
 * sequence flow was taken when its source was passed and its target reached. In a loop that went
 * round once (a correction and back to formal review) both ways count as taken. Nothing about who
 * did a step leaves this class: the history's assignees are not read.
 */
@Service
class ProcessProgressService {

    /** Suffix the engine gives the scope that runs a multi-instance activity's instances. */
    static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";
    /** Activity types whose running instance frames steps rather than being one. */
    static final Set<String> FRAMES = Set.of("subProcess", "multiInstanceBody", "transaction");

    private final ApplicationService applications;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    /** The XML and sequence flows of each definition version shown so far, by process definition id. */
    private final Map<String, Definition> definitions = new ConcurrentHashMap<>();

    ProcessProgressService(ApplicationService applications, HistoryService historyService,
            RepositoryService repositoryService, IdentityService identityService) {
        this.applications = applications;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    /** A sequence flow of a diagram, with the ids of its ends. */
    record Flow(String id, String source, String target) {
    }

    /** What is kept of a definition version. */
    record Definition(String xml, List<Flow> flows) {
    }

    /**
     * Where the application's process stands; empty when it has none. Refuses (as the dossier does)
     * a caller who may not read the application.
     */
    @Transactional(readOnly = true)
    public Optional<ProcessProgress> progress(long applicationId) {
        Application app = applications.get(applicationId);
        if (app.processInstanceId() == null) {
            return Optional.empty();
        }
        return asPlatform(() -> {
            List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
                    .processInstanceId(app.processInstanceId()).list();
            if (activities.isEmpty()) {
                return Optional.empty();
            }
            String definitionId = activities.get(0).getProcessDefinitionId();
            Definition definition = definitions.computeIfAbsent(definitionId, this::load);
            Set<String> passed = new HashSet<>();
            Set<String> current = new HashSet<>();
            for (HistoricActivityInstance activity : activities) {
                String id = elementId(activity.getActivityId());
                if (activity.getEndTime() != null) {
                    passed.add(id);
                } else if (!FRAMES.contains(activity.getActivityType())) {
                    current.add(id);
                }
            }
            Set<String> reached = new HashSet<>(passed);
            reached.addAll(current);
            Set<String> taken = new HashSet<>();
            for (Flow flow : definition.flows()) {
                if (passed.contains(flow.source()) && reached.contains(flow.target())) {
                    taken.add(flow.id());
                }
            }
            // a step that is open again (a return, a second round) is current, not done
            passed.removeAll(current);
            return Optional.of(new ProcessProgress(definitionId, definition.xml(), passed, current, taken));
        });
    }

    /** The diagram element an activity instance belongs to. */
    static String elementId(String activityId) {
        return activityId != null && activityId.endsWith(MULTI_INSTANCE_BODY)
                ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length()) : activityId;
    }

    private Definition load(String definitionId) {
        String xml;
        try (InputStream in = repositoryService.getProcessModel(definitionId)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Flow> flows = repositoryService.getBpmnModelInstance(definitionId).getModelElementsByType(SequenceFlow.class)
                .stream().map(f -> new Flow(f.getId(), f.getSource().getId(), f.getTarget().getId())).toList();
        return new Definition(xml, flows);
    }

    /** Engine reads as the platform: without the caller's engine authentication, if one is set. */
    private <T> T asPlatform(Supplier<T> read) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (previous != null) {
                identityService.setAuthentication(previous);
            }
        }
    }
}
