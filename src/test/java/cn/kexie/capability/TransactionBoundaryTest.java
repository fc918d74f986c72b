package cn.kexie.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Engine state and domain data commit together or not at all: a step that writes domain rows and
 * then fails leaves neither the rows nor any move of the process behind.
 */
@PlatformTest
class TransactionBoundaryTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void deploy() {
        BpmnAwareTests.init(engine);
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("test-transaction-rollback").count() == 0) {
            repositoryService.createDeployment().addClasspathResource("platform/transaction-rollback.bpmn").deploy();
        }
    }

    @Test
    void aFailedStepLeavesNeitherDomainRowsNorProcessStateBehind() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("test-transaction-rollback", "TX-1");
        String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

        assertThatThrownBy(() -> taskService.complete(taskId)).hasMessageContaining("fails after writing");

        assertThat(jdbc.sql("select count(*) from organisation_violation where description = ?").param(TestSteps.MARK)
                .query(Integer.class).single()).isZero();
        assertThat(instance).isWaitingAt("Task_Record");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(runtimeService.getVariable(instance.getId(), "written")).isNull();
    }
}
