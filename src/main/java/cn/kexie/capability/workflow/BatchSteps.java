package cn.kexie.capability.workflow;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.stereotype.Component;

/**
 * Which steps a meeting body may decide for several items at once (批量审批): the diagram says so on
 * the user task, as Camunda Modeler writes an extension property —
 * {@code <camunda:property name="batchDecision" value="true"/>} (Chenzhou's 党组研究, one application
 * each). A list's approval (one task for the whole list) is one decision already and has none.
 * Read once per deployed definition: a definition never changes once deployed.
 */
@Component
public class BatchSteps {

    /** The extension property of a user task that allows a batch decision. */
    public static final String PROPERTY = "batchDecision";

    private final RepositoryService repositoryService;
    private final Map<String, Set<String>> byDefinition = new ConcurrentHashMap<>();

    BatchSteps(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** Whether the step {@code taskDefinitionKey} of the process definition allows a batch decision. */
    public boolean allows(String processDefinitionId, String taskDefinitionKey) {
        if (processDefinitionId == null || taskDefinitionKey == null) {
            return false;
        }
        return byDefinition.computeIfAbsent(processDefinitionId, this::read).contains(taskDefinitionKey);
    }

    private Set<String> read(String processDefinitionId) {
        return repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementsByType(UserTask.class).stream()
                .filter(BatchSteps::allowsBatch)
                .map(UserTask::getId)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean allowsBatch(UserTask task) {
        if (task.getExtensionElements() == null) {
            return false;
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .anyMatch(p -> PROPERTY.equals(p.getCamundaName()) && "true".equals(p.getCamundaValue()));
    }
}
