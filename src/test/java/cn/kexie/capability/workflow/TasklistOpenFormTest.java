package cn.kexie.capability.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Tasklist's "open form" on a platform task (a Chenzhou formal review, candidate group the office):
 * the engine's form API and Tasklist's form request both name the platform's page of the task, an
 * external form Tasklist shows as a link; the request is answered only for a user who may work the
 * task now, everyone else gets the engine's own answer (which refuses them); the platform keeps
 * reading the diagram's form key.
 */
@PlatformTest
class TasklistOpenFormTest {

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired FormService formService;
    @Autowired TasklistFormEndpoint endpoint;

    FormTasks forms;

    @BeforeEach
    void forms() {
        forms = new FormTasks(context);
    }

    @Test
    void tasklistsFormOfAPlatformTaskIsThePlatformsPageOfTheTaskForWhoMayWorkIt() throws Exception {
        long application = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        WorkItem review = forms.task(ProjectProcess.Forms.FORMAL_REVIEW, application, "office", Map.of());

        // the platform still picks its form by the diagram's key
        assertThat(review.formKey()).isEqualTo(ProjectProcess.Forms.FORMAL_REVIEW);
        // the engine's form API (Tasklist, REST): the platform's page of the task
        assertThat(formService.getTaskFormData(review.id()).getFormKey()).isEqualTo("/tasks/" + review.id());

        MockHttpServletResponse office = formRequest("office", review.id());
        assertThat(office.getStatus()).isEqualTo(200);
        assertThat(office.getContentAsString())
                .isEqualTo("{\"key\":\"/tasks/" + review.id() + "\",\"contextPath\":null,\"camundaFormRef\":null}");
        assertThat(office.getHeader("Cache-Control")).isEqualTo("no-store");

        // Xuzhou's office, an expert, the applicant: not answered here, the engine's API refuses them as before
        for (String other : List.of("office-xz", "expert1", "cz-med")) {
            MockFilterChain engine = new MockFilterChain();
            MockHttpServletResponse response = AsUser.call(identity, other, () -> send(request(review.id()), engine));
            assertThat(engine.getRequest()).as(other + " passed on to the engine").isNotNull();
            assertThat(response.getContentAsString()).as(other).isEmpty();
        }
    }

    @Test
    void onlyTasklistsFormRequestIsAnswered() {
        for (String other : List.of("/camunda/api/engine/engine/default/task/abc/variables",
                "/camunda/api/engine/engine/default/task/abc/form/extra", "/engine-rest/task/abc/form", "/tasks/abc")) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", other);
            assertThat(endpoint.shouldNotFilter(request)).as(other).isTrue();
        }
        MockHttpServletRequest post = request("abc");
        post.setMethod("POST");
        assertThat(endpoint.shouldNotFilter(post)).isTrue();
        assertThat(endpoint.shouldNotFilter(request("abc"))).isFalse();
    }

    private MockHttpServletResponse formRequest(String user, String taskId) {
        MockFilterChain engine = new MockFilterChain();
        MockHttpServletResponse response = AsUser.call(identity, user, () -> send(request(taskId), engine));
        assertThat(engine.getRequest()).as("answered without the engine's API").isNull();
        return response;
    }

    private static MockHttpServletRequest request(String taskId) {
        return new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task/" + taskId + "/form");
    }

    private MockHttpServletResponse send(MockHttpServletRequest request, MockFilterChain chain) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            endpoint.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }
}
