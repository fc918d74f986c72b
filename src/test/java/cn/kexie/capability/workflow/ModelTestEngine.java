package cn.kexie.capability.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * The standalone engine the per-path diagram tests run on: an in-memory H2 database of its own (so
 * it never meets a Spring test's engine in the same JVM), full history, no job executor (tests run
 * the jobs), and beans from {@code Mocks.register}.
 */
final class ModelTestEngine {

    private ModelTestEngine() {
    }

    static ProcessEngine build(String name) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setExpressionManager(new MockExpressionManager());
        return configuration.buildProcessEngine();
    }

    /** Deploys the files as the Modeler saved them, from the project root (Maven's working directory). */
    static String deploy(ProcessEngine engine, String name, Path... files) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name(name);
        try {
            for (Path file : files) {
                deployment.addInputStream(file.getFileName().toString(), new ByteArrayInputStream(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deployment.deploy().getId();
    }
}
