package cn.kexie.capability.workflow;

import cn.kexie.capability.common.UserError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist's request for a task's form ({@code GET /camunda/api/engine/engine/{engine}/task/{id}/form}),
 * answered by the platform for its own tasks. The engine's answer needs the caller to read the task's
 * variables ({@code READ_VARIABLE}, since the platform enforces specific variable permissions), which
 * the platform gives nobody through the webapps: Tasklist showed "表单错误" for every task. The form
 * of a platform task holds no variables, only where it is worked, so the platform answers with what
 * the engine's form API says of it ({@link TasklistFormLinks}: the platform's page of the task),
 * after the same check the page itself makes ({@link WorkflowTasks#get}: the caller may work the task
 * now). Any other request, a task the caller may not work, or a form that is not the platform's goes
 * on to the engine's API unchanged, which answers as before.
 */
@Component
class TasklistFormEndpoint extends OncePerRequestFilter {

    static final Pattern FORM = Pattern.compile("/camunda/api/engine/engine/[^/]+/task/([^/]+)/form");

    private final WorkflowTasks tasks;
    private final String contextPath;

    TasklistFormEndpoint(WorkflowTasks tasks, @Value("${server.servlet.context-path:}") String contextPath) {
        this.tasks = tasks;
        this.contextPath = TasklistFormLinks.normalised(contextPath);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || taskId(request) == null;
    }

    private static String taskId(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher matcher = FORM.matcher(path);
        return matcher.matches() ? matcher.group(1) : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String taskId = taskId(request);
        WorkItem task;
        try {
            task = tasks.get(taskId);
        } catch (AccessDeniedException | UserError notForTheCaller) {
            chain.doFilter(request, response);
            return;
        }
        if (task.formKey() == null || !task.formKey().startsWith(TasklistFormLinks.PLATFORM_FORMS)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        // the engine's FormDto: a key without embedded:/camunda-forms: is an external form, a link
        String key = TasklistFormLinks.taskPage(contextPath, task.id());
        response.getWriter().write("{\"key\":\"" + key.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"contextPath\":null,\"camundaFormRef\":null}");
    }
}
