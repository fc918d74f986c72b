package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.workflow.ProjectProcess;
import cn.kexie.capability.workflow.TaskMoved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every step the dossier's history can show has a Chinese and an English label ({@code step.<step>}),
 * so no history line shows {@code reviewRoundArchived} or {@code Task_OrganisationalApproval}: the
 * steps the services record by name, the task moves, and the user tasks whose form records the task's
 * id (filling in and correcting the application, approvals).
 */
class DossierStepLabelsTest {

    private static final Pattern RECORDED = Pattern.compile("(?:\\.record|addEvent)\\(\\s*[^,()]+(?:\\([^()]*\\))?,\\s*(?:[^,()]+\\(\\)\\s*,\\s*)?\"([A-Za-z]+)\"");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** Forms whose service records the task's id as the step. */
    private static final Set<String> FORMS_RECORDING_THE_TASK = Set.of(ProjectProcess.Forms.APPROVAL, "platform:application");

    static Set<String> steps() throws IOException {
        Set<String> steps = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = RECORDED.matcher(Files.readString(file));
                while (m.find()) {
                    steps.add(m.group(1));
                }
            }
        }
        Arrays.stream(TaskMoved.Move.values()).map(TaskMoved.Move::step).forEach(steps::add);
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                    if (FORMS_RECORDING_THE_TASK.contains(task.getCamundaFormKey())) {
                        steps.add(task.getId());
                    }
                }
            }
        }
        steps.remove("status"); // shown as the status it changed to
        return steps;
    }

    @Test
    void theStepsAreFound() throws IOException {
        assertThat(steps()).contains("formalReview", "reviewRoundArchived", "created", "taskDeclined",
                "Task_OrganisationalApproval", "Task_FillApplication");
    }

    @Test
    void everyStepOfTheHistoryHasAChineseAndAnEnglishLabel() throws IOException {
        for (String step : steps()) {
            String zh = Messages.get(Messages.CHINESE, "step." + step);
            String en = Messages.get(Messages.ENGLISH, "step." + step);
            assertThat(zh).as("Chinese label of step %s", step).containsPattern(HAN);
            assertThat(en).as("English label of step %s", step).isNotEqualTo("step." + step).doesNotContainPattern(HAN);
        }
    }
}
