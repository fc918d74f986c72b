package cn.kexie.capability.workflow;

import java.util.ArrayList;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Camunda Tasklist's "open form" for the platform's tasks: the platform's own page of the task.
 * <p>
 * A user task's {@code camunda:formKey} ({@code platform:formal-review}) names the platform form that
 * works it, and the platform reads it as such. Tasklist takes the key it is given by the engine's
 * form API ({@code GET task/{id}/form}, that is {@code FormService#getTaskFormData}) and treats a
 * key without {@code embedded:} or {@code camunda-forms:} as an external form: a link to
 * {@code <key>?taskId=…&callbackUrl=…}. So for Tasklist alone, the form data of every task whose
 * key is a platform form carries the path of the platform's task page ({@code /tasks/<id>}) instead:
 * Tasklist shows "open form" as a link to it, and the page checks the user server side as it does
 * for any visitor ({@link WorkflowTasks#get}). The diagrams keep their keys, the task's own
 * {@code formKey} (task queries, the platform's task list) is unchanged, and no diagram needed editing:
 * the engine's form handler of each user task is wrapped when a diagram is parsed. Tasklist's own
 * request for the form is answered by {@link TasklistFormEndpoint}, since the engine's API asks for a
 * variable permission the platform gives nobody there.
 */
@Component
class TasklistFormLinks extends AbstractProcessEnginePlugin {

    /** How the platform's form keys begin. */
    static final String PLATFORM_FORMS = "platform:";

    private final String contextPath;

    TasklistFormLinks(@Value("${server.servlet.context-path:}") String contextPath) {
        this.contextPath = normalised(contextPath);
    }

    /** The servlet context path as a prefix of absolute paths: empty at the root, else without a trailing slash. */
    static String normalised(String contextPath) {
        return contextPath == null ? "" : contextPath.replaceAll("/+$", "");
    }

    /** The platform's page of a task, as an absolute path of this server. */
    static String taskPage(String contextPath, String taskId) {
        return contextPath + "/tasks/" + taskId;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    TaskDefinition definition = behavior.getTaskDefinition();
                    definition.setTaskFormHandler(new PlatformPage(definition.getTaskFormHandler(), contextPath));
                }
            }
        });
    }

    /** The engine's form handler of a user task, with the platform's page as the form of a platform task. */
    static final class PlatformPage implements TaskFormHandler {

        private final TaskFormHandler engine;
        private final String contextPath;

        PlatformPage(TaskFormHandler engine, String contextPath) {
            this.engine = engine;
            this.contextPath = contextPath;
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            TaskFormData form = engine.createTaskForm(task);
            if (form instanceof FormDataImpl data && data.getFormKey() != null
                    && data.getFormKey().startsWith(PLATFORM_FORMS)) {
                data.setFormKey(taskPage(contextPath, task.getId()));
            }
            return form;
        }

        @Override
        public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
            engine.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
            engine.submitFormVariables(properties, variableScope);
        }
    }
}
