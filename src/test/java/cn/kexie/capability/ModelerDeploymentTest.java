package cn.kexie.capability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Camunda Modeler's deploy button does: a multipart POST to /engine-rest/deployment/create
 * with basic authentication. New instances then run the new version.
 */
@PlatformTest
class ModelerDeploymentTest {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void anAdministratorDeploysAChangedDiagramAndNewInstancesUseIt() throws Exception {
        String bpmn = Files.readString(Path.of("src/test/resources/platform/transaction-rollback.bpmn"))
                .replace("测试：失败的步骤全部回滚", "测试：失败的步骤全部回滚（修订版）");
        int before = repositoryService.createProcessDefinitionQuery().processDefinitionKey("test-transaction-rollback")
                .list().size();

        assertThat(deploy(bpmn, null).statusCode()).isEqualTo(401);
        assertThat(deploy(bpmn, "cz-med:demo").statusCode()).isEqualTo(403);
        HttpResponse<String> deployed = deploy(bpmn, "demo:demo");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("test-transaction-rollback").latestVersion().singleResult();
        assertThat(latest.getName()).endsWith("（修订版）");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("test-transaction-rollback")
                .list()).hasSize(before + 1);
        var instance = runtimeService.startProcessInstanceByKey("test-transaction-rollback");
        assertThat(instance.getProcessDefinitionId()).isEqualTo(latest.getId());
        runtimeService.deleteProcessInstance(instance.getId(), "test");
    }

    private HttpResponse<String> deploy(String bpmn, String credentials) throws Exception {
        String boundary = "----modeler" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmodeler-" + UUID.randomUUID() + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"transaction-rollback.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
