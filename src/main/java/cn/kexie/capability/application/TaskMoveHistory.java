package cn.kexie.capability.application;

import cn.kexie.capability.workflow.TaskMoved;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes each move of a task (转办, 委派, 催办, 退回 …) into its application's history, in the
 * move's own transaction: who (the actor), when, why (the comment), to whom (the outcome) and which
 * step. Tasks of a programme call (not of one application) have no dossier; the engine keeps their
 * assignments in its history.
 */
@Component
class TaskMoveHistory {

    private final JdbcClient jdbc;
    private final ApplicationRepository repository;

    TaskMoveHistory(JdbcClient jdbc, ApplicationRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    @EventListener
    void record(TaskMoved moved) {
        if (moved.processInstanceId() == null) {
            return;
        }
        List<Long> ids = jdbc.sql("select id from application where process_instance_id = ?")
                .param(moved.processInstanceId()).query(Long.class).list();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task", moved.taskName());
        if (moved.target() != null) {
            data.put("to", moved.target());
        }
        for (long id : ids) {
            repository.addEvent(id, moved.actor(), moved.move().step(),
                    moved.target() == null || moved.target().length() > 40 ? null : moved.target(), moved.reason(), data);
        }
    }
}
