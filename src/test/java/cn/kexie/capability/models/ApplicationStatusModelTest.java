package cn.kexie.capability.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.application.ApplicationStatus;
import cn.kexie.capability.common.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every status a diagram in {@code processes/} sets (the {@code applicationStatus} execution listener)
 * is an {@link ApplicationStatus} with a Chinese and an English label, and the enum's classes agree with
 * where the diagrams set them.
 */
class ApplicationStatusModelTest {

    private static final Pattern SET = Pattern.compile("applicationStatus\\.set\\(\\s*execution\\s*,\\s*'([A-Za-z_]+)'\\s*\\)");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    /** Per diagram file: the flow node ids and the status their listener sets. */
    private static final Map<Path, Map<String, String>> SET_BY_NODE = new LinkedHashMap<>();
    private static final Map<Path, BpmnModelInstance> MODELS = new LinkedHashMap<>();

    @BeforeAll
    static void readDiagrams() throws IOException {
        try (Stream<Path> files = Files.list(ModelConventionsTest.PROCESSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                MODELS.put(file, model);
                Map<String, String> byNode = new LinkedHashMap<>();
                for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
                    String said = String.join(" ", listener.getCamundaExpression() == null ? "" : listener.getCamundaExpression(),
                            listener.getCamundaDelegateExpression() == null ? "" : listener.getCamundaDelegateExpression(),
                            listener.getCamundaClass() == null ? "" : listener.getCamundaClass(),
                            listener.getCamundaFields().stream().map(ApplicationStatusModelTest::fieldText).reduce("", String::concat));
                    if (!said.contains("applicationStatus")) {
                        continue;
                    }
                    Matcher m = SET.matcher(said);
                    assertThat(m.find()).as("%s: a status listener this test cannot read: %s", file, said).isTrue();
                    byNode.put(owner(listener), m.group(1));
                }
                SET_BY_NODE.put(file, byNode);
            }
        }
    }

    private static String fieldText(CamundaField field) {
        return " " + field.getCamundaName() + "=" + field.getCamundaStringValue() + field.getCamundaExpression();
    }

    private static String owner(ModelElementInstance element) {
        ModelElementInstance e = element;
        while (!(e instanceof org.camunda.bpm.model.bpmn.instance.FlowElement)) {
            e = e.getParentElement();
        }
        return ((org.camunda.bpm.model.bpmn.instance.FlowElement) e).getId();
    }

    private static Set<String> allSet() {
        Set<String> all = new TreeSet<>();
        SET_BY_NODE.values().forEach(m -> all.addAll(m.values()));
        return all;
    }

    @Test
    void theDiagramsSetStatuses() {
        assertThat(allSet()).as("no status listener found: did the diagrams change how they set a status?").hasSizeGreaterThan(20);
    }

    @Test
    void everyStatusADiagramSetsIsAnApplicationStatus() {
        Set<String> known = new HashSet<>(Arrays.stream(ApplicationStatus.values()).map(Enum::name).toList());
        assertThat(allSet()).allSatisfy(s -> assertThat(known).as("status %s set by a diagram", s).contains(s));
    }

    @Test
    void everyApplicationStatusIsSetByADiagram() {
        assertThat(Arrays.stream(ApplicationStatus.values()).map(Enum::name))
                .allSatisfy(s -> assertThat(allSet()).as("no diagram sets %s", s).contains(s));
    }

    @Test
    void everyStatusHasAChineseAndAnEnglishLabel() {
        for (ApplicationStatus s : ApplicationStatus.values()) {
            String zh = s.label(Messages.CHINESE);
            String en = s.label(Messages.ENGLISH);
            assertThat(zh).as("Chinese label of %s", s).isNotEqualTo("status." + s.name()).containsPattern(CJK);
            assertThat(en).as("English label of %s", s).isNotEqualTo("status." + s.name()).doesNotContainPattern(CJK)
                    .doesNotContain("_");
        }
    }

    /** A status set where the course of an application ends is a finished one; every finished one is set at an end. */
    @Test
    void statusesSetOnEndEventsAreFinished() {
        Set<String> atEnds = new TreeSet<>();
        MODELS.forEach((file, model) -> SET_BY_NODE.get(file).forEach((node, status) -> {
            if (model.getModelElementById(node) instanceof EndEvent end && !(end.getParentElement() instanceof SubProcess)) {
                atEnds.add(status);
            }
        }));
        assertThat(atEnds).allSatisfy(s -> assertThat(ApplicationStatus.valueOf(s).is(ApplicationStatus.Kind.FINISHED))
                .as("%s is set on an end event", s).isTrue());
        assertThat(ApplicationStatus.names(ApplicationStatus.Kind.FINISHED)).allSatisfy(s -> assertThat(atEnds)
                .as("%s is FINISHED but no diagram sets it on an end event", s).contains(s));
    }

    /**
     * Where a diagram waits for its call's result ({@code AWAITING_RESULT}), every status set before it
     * (after the draft) is one the ranking waits for: on the way. Award review's 待县区科协确认 is such a status.
     */
    @Test
    void statusesBeforeTheCallResultAreOnTheWay() {
        int diagrams = 0;
        for (var entry : MODELS.entrySet()) {
            Map<String, String> byNode = SET_BY_NODE.get(entry.getKey());
            List<String> waiting = byNode.entrySet().stream()
                    .filter(e -> ApplicationStatus.AWAITING_RESULT.is(e.getValue())).map(Map.Entry::getKey).toList();
            if (waiting.isEmpty()) {
                continue;
            }
            diagrams++;
            BpmnModelInstance model = entry.getValue();
            Set<String> before = new TreeSet<>();
            byNode.forEach((node, status) -> {
                if (!ApplicationStatus.DRAFT.is(status) && !waiting.contains(node)
                        && reaches(model, node, waiting) && !reachesAnyOf(model, waiting, node)) {
                    before.add(status);
                }
            });
            assertThat(before).as(entry.getKey() + ": statuses set before the call's result").isNotEmpty()
                    .allSatisfy(s -> assertThat(ApplicationStatus.valueOf(s).is(ApplicationStatus.Kind.ON_THE_WAY))
                            .as("%s: %s comes before the call's result", entry.getKey(), s).isTrue());
        }
        assertThat(diagrams).isGreaterThanOrEqualTo(2);
    }

    private static boolean reachesAnyOf(BpmnModelInstance model, List<String> from, String target) {
        return from.stream().anyMatch(f -> reaches(model, f, List.of(target)));
    }

    private static boolean reaches(BpmnModelInstance model, String from, List<String> targets) {
        Deque<FlowNode> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(model.getModelElementById(from));
        while (!todo.isEmpty()) {
            FlowNode node = todo.pop();
            if (!seen.add(node.getId())) {
                continue;
            }
            if (!node.getId().equals(from) && targets.contains(node.getId())) {
                return true;
            }
            node.getOutgoing().forEach(f -> todo.add(f.getTarget()));
            for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
                if (b.getAttachedTo() == node) {
                    todo.add(b);
                }
            }
            if (node instanceof SubProcess sub) {
                sub.getChildElementsByType(StartEvent.class).forEach(todo::add);
            }
            if (node instanceof EndEvent && node.getParentElement() instanceof SubProcess sub) {
                todo.add(sub);
                sub.getOutgoing().forEach(f -> todo.add(f.getTarget()));
            }
        }
        return false;
    }
}
