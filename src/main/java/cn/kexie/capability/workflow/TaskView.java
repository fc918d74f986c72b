package cn.kexie.capability.workflow;

import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/** One task: the form its {@code camunda:formKey} names, with the dossier the step needs. */
@Route("tasks/:taskId")
@PermitAll
public class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkflowTasks tasks;
    private final TaskMoves moves;
    private final Map<String, TaskForm> forms;
    private String title = "";

    public TaskView(WorkflowTasks tasks, TaskMoves moves, List<TaskForm> forms) {
        this.tasks = tasks;
        this.moves = moves;
        this.forms = forms.stream().collect(Collectors.toMap(TaskForm::formKey, Function.identity()));
        setMaxWidth("1100px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String taskId = event.getRouteParameters().get("taskId").orElse("");
        WorkItem task;
        try {
            task = tasks.get(taskId);
        } catch (AccessDeniedException | cn.kexie.capability.common.UserError notForYou) {
            add(new Paragraph(getTranslation("task.notAvailable")));
            add(new Button(getTranslation("task.backToList"), click -> getUI().ifPresent(ui -> ui.navigate(TaskListView.class))));
            return;
        }
        title = task.name();
        add(new H2(task.name() + (task.businessKey() == null ? "" : " · " + task.businessKey())));
        HorizontalLayout toolbar = new HorizontalLayout();
        Button back = new Button(getTranslation("task.backToList"), click -> getUI().ifPresent(ui -> ui.navigate(TaskListView.class)));
        toolbar.add(back);
        TaskMoves.State state = moves.state(task.id());
        add(toolbar);
        if (state.delegatedToMe()) {
            add(new TaskMoveDialogs(moves).resolvePanel(task, state, this::backToList));
            return;
        }
        if (state.awaitingReplacement()) {
            add(new TaskMoveDialogs(moves).replacePanel(task, this::backToList));
            return;
        }
        if (state.delegatedBy() != null) {
            add(new Paragraph(getTranslation("task.move.delegatedAway")));
            return;
        }
        new TaskMoveDialogs(moves).addButtons(toolbar, task, state, this::backToList);
        TaskForm form = task.formKey() == null ? null : forms.get(task.formKey());
        if (form == null) {
            add(new Paragraph(getTranslation("task.noForm", String.valueOf(task.formKey()))));
            return;
        }
        Component body = form.create(task, () -> {
            Notifications.success(getTranslation("task.completed"));
            getUI().ifPresent(ui -> ui.navigate(TaskListView.class));
        });
        add(body);
    }

    private void backToList() {
        getUI().ifPresent(ui -> ui.navigate(TaskListView.class));
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("nav.tasks") : title;
    }
}
