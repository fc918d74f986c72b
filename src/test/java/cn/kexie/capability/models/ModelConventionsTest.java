package cn.kexie.capability.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.ModelInstance;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The essentials that {@code ../shared/tools/model-lint/lint} and the house style ask of every
 * diagram in {@code processes/} and every decision in {@code decisions/}, checked on each build with
 * Camunda's own model APIs (which also validate the files against the BPMN and DMN schemas): made in
 * Camunda Modeler for Camunda Platform 7.24, a complete diagram layout, executable processes, a
 * history time to live on every process and decision, and no Modeler-generated ids on the elements
 * that code, tests, Tasklist filters or a reader of the diagram refer to. Each file is a container of
 * its own, so a failure names the file; an empty or missing {@code processes/} folder is no failure.
 */
class ModelConventionsTest {

    static final Path PROCESSES = Path.of("processes");
    static final Path DECISIONS = Path.of("decisions");

    private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";

    /**
     * Ids as Camunda Modeler generates them: an element-type prefix, an underscore and either seven
     * lower-case base-36 characters with at least one digit ({@code Activity_0x1y2z3},
     * {@code Flow_1abcdef}) or a bare number ({@code Task_1}, {@code Decision_1}, {@code Input_1}).
     * Requiring a digit keeps a hand-written {@code Task_approve} from being mistaken for one.
     */
    static final Pattern GENERATED_ID = Pattern.compile("^(?:Activity|Gateway|Event|Flow|SequenceFlow|StartEvent"
            + "|EndEvent|BoundaryEvent|IntermediateThrowEvent|IntermediateCatchEvent|Task|UserTask|ServiceTask"
            + "|BusinessRuleTask|SendTask|ReceiveTask|ScriptTask|ManualTask|CallActivity|SubProcess"
            + "|ExclusiveGateway|ParallelGateway|InclusiveGateway|EventBasedGateway|Decision|DecisionTable"
            + "|InputClause|OutputClause|Input|Output|InputExpression|DecisionRule|Rule|UnaryTests"
            + "|LiteralExpression|InputData|KnowledgeSource|BusinessKnowledgeModel|Definitions|Process"
            + "|Participant|Collaboration|Association|TextAnnotation|DataObjectReference|Lane|LaneSet)"
            + "_(?:(?=[0-9a-z]*[0-9])[0-9a-z]{7}|[0-9]+)$");

    @Test
    void decisionsFolderHoldsTheDecisionTables() throws IOException {
        assertThat(files(DECISIONS, ".dmn")).as("DMN files in %s", DECISIONS.toAbsolutePath()).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicContainer> everyProcess() throws IOException {
        return files(PROCESSES, ".bpmn").stream().map(file -> dynamicContainer(file.toString(), Stream.of(
                dynamicTest("saved by Camunda Modeler for Camunda Platform 7.24",
                        () -> assertNone(file, modelerPlatformProblems(bpmn(file)))),
                dynamicTest("every process is executable and has a history time to live",
                        () -> assertNone(file, processProblems(bpmn(file)))),
                dynamicTest("every flow node has a shape and every sequence flow an edge",
                        () -> assertNone(file, bpmnLayoutProblems(bpmn(file)))),
                dynamicTest("processes, flow nodes and sequence flows have readable ids",
                        () -> assertNone(file, bpmnIdProblems(bpmn(file)))))));
    }

    @TestFactory
    Stream<DynamicContainer> everyDecision() throws IOException {
        return files(DECISIONS, ".dmn").stream().map(file -> dynamicContainer(file.toString(), Stream.of(
                dynamicTest("saved by Camunda Modeler for Camunda Platform 7.24",
                        () -> assertNone(file, modelerPlatformProblems(dmn(file)))),
                dynamicTest("every decision has a history time to live",
                        () -> assertNone(file, decisionProblems(dmn(file)))),
                dynamicTest("a DMNDI diagram with a shape for every decision",
                        () -> assertNone(file, dmnLayoutProblems(dmn(file)))),
                dynamicTest("decisions, tables, inputs, outputs and rules have readable ids",
                        () -> assertNone(file, dmnIdProblems(dmn(file)))))));
    }

    // ---- the checks: each returns what is wrong, in words that name the element ----

    static List<String> modelerPlatformProblems(ModelInstance model) {
        DomElement definitions = model.getDocument().getRootElement();
        List<String> problems = new ArrayList<>();
        String platform = definitions.getAttribute(MODELER_NS, "executionPlatform");
        String version = definitions.getAttribute(MODELER_NS, "executionPlatformVersion");
        if (!"Camunda Platform".equals(platform)) {
            problems.add("definitions: modeler:executionPlatform is " + platform + ", expected \"Camunda Platform\"");
        }
        if (version == null || !version.startsWith("7.24")) {
            problems.add("definitions: modeler:executionPlatformVersion is " + version + ", expected 7.24.x");
        }
        return problems;
    }

    static List<String> processProblems(BpmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        Collection<Process> processes = model.getModelElementsByType(Process.class);
        if (processes.isEmpty()) {
            problems.add("no process");
        }
        for (Process process : processes) {
            if (!process.isExecutable()) {
                problems.add("process " + process.getId() + " is not isExecutable=\"true\"");
            }
            if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
                problems.add("process " + process.getId() + " has no camunda:historyTimeToLive");
            }
        }
        return problems;
    }

    static List<String> bpmnLayoutProblems(BpmnModelInstance model) {
        Set<String> shaped = new HashSet<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() != null) {
                shaped.add(shape.getBpmnElement().getId());
            }
        }
        Set<String> edged = new HashSet<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnElement() != null) {
                edged.add(edge.getBpmnElement().getId());
            }
        }
        List<String> problems = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!shaped.contains(node.getId())) {
                problems.add(node.getElementType().getTypeName() + " " + node.getId() + " has no BPMNShape");
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!edged.contains(flow.getId())) {
                problems.add("sequenceFlow " + flow.getId() + " has no BPMNEdge");
            }
        }
        return problems;
    }

    static List<String> bpmnIdProblems(BpmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        problems.addAll(generatedIds(model, Process.class, Process::getId));
        problems.addAll(generatedIds(model, FlowNode.class, FlowNode::getId));
        problems.addAll(generatedIds(model, SequenceFlow.class, SequenceFlow::getId));
        return problems;
    }

    static List<String> decisionProblems(DmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
        if (decisions.isEmpty()) {
            problems.add("no decision");
        }
        for (Decision decision : decisions) {
            if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
                problems.add("decision " + decision.getId() + " has no camunda:historyTimeToLive");
            }
        }
        return problems;
    }

    /** DMNDI is read by local name, so that DMN 1.3, 1.4 and 1.5 files are all understood. */
    static List<String> dmnLayoutProblems(DmnModelInstance model) {
        List<DomElement> diagrams = descendants(model.getDocument().getRootElement(), "DMNDiagram");
        if (diagrams.isEmpty()) {
            return List.of("no DMNDI diagram: the file will not open as a diagram in Camunda Modeler");
        }
        Set<String> shaped = new HashSet<>();
        for (DomElement diagram : diagrams) {
            for (DomElement shape : descendants(diagram, "DMNShape")) {
                shaped.add(shape.getAttribute("dmnElementRef"));
            }
        }
        List<String> problems = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (!shaped.contains(decision.getId())) {
                problems.add("decision " + decision.getId() + " has no DMNShape");
            }
        }
        return problems;
    }

    static List<String> dmnIdProblems(DmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        problems.addAll(generatedIds(model, Decision.class, Decision::getId));
        problems.addAll(generatedIds(model, DecisionTable.class, DecisionTable::getId));
        problems.addAll(generatedIds(model, Input.class, Input::getId));
        problems.addAll(generatedIds(model, Output.class, Output::getId));
        problems.addAll(generatedIds(model, Rule.class, Rule::getId));
        return problems;
    }

    // ---- plumbing ----

    private static <T extends ModelElementInstance> List<String> generatedIds(ModelInstance model, Class<T> type,
            Function<T, String> id) {
        return model.getModelElementsByType(type).stream()
                .filter(element -> id.apply(element) != null && GENERATED_ID.matcher(id.apply(element)).matches())
                .map(element -> element.getElementType().getTypeName() + " " + id.apply(element)
                        + " has a Modeler-generated id: give it a readable one in the Modeler")
                .toList();
    }

    private static List<DomElement> descendants(DomElement element, String localName) {
        List<DomElement> found = new ArrayList<>();
        for (DomElement child : element.getChildElements()) {
            if (localName.equals(child.getLocalName())) {
                found.add(child);
            }
            found.addAll(descendants(child, localName));
        }
        return found;
    }

    static List<Path> files(Path folder, String extension) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(extension))
                    .sorted()
                    .toList();
        }
    }

    private static BpmnModelInstance bpmn(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }

    private static DmnModelInstance dmn(Path file) {
        return Dmn.readModelFromFile(file.toFile());
    }

    private static void assertNone(Path file, List<String> problems) {
        assertThat(problems).as("problems in %s", file).isEmpty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The checks themselves, on small files made for the purpose: they must find what is wrong. */
    @Nested
    class TheChecksThemselves {

        @TempDir
        Path folder;

        private static final String BPMN_HEAD = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                    xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_Example"
                    targetNamespace="http://bpmn.io/schema/bpmn" %s>
                """;
        private static final String PLATFORM =
                "modeler:executionPlatform=\"Camunda Platform\" modeler:executionPlatformVersion=\"7.24.0\"";

        private static final String GOOD_BPMN = BPMN_HEAD.formatted(PLATFORM) + """
                  <bpmn:process id="example-review" isExecutable="true" camunda:historyTimeToLive="3650">
                    <bpmn:startEvent id="StartEvent_ApplicationSubmitted" name="申报已提交">
                      <bpmn:outgoing>SequenceFlow_ToReview</bpmn:outgoing>
                    </bpmn:startEvent>
                    <bpmn:sequenceFlow id="SequenceFlow_ToReview" sourceRef="StartEvent_ApplicationSubmitted" targetRef="Task_Review" />
                    <bpmn:userTask id="Task_Review" name="审查" camunda:candidateGroups="programme-office">
                      <bpmn:incoming>SequenceFlow_ToReview</bpmn:incoming>
                      <bpmn:outgoing>SequenceFlow_ToEnd</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="SequenceFlow_ToEnd" sourceRef="Task_Review" targetRef="EndEvent_Reviewed" />
                    <bpmn:endEvent id="EndEvent_Reviewed" name="已审查">
                      <bpmn:incoming>SequenceFlow_ToEnd</bpmn:incoming>
                    </bpmn:endEvent>
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="example-review">
                      <bpmndi:BPMNShape id="StartEvent_ApplicationSubmitted_di" bpmnElement="StartEvent_ApplicationSubmitted">
                        <dc:Bounds x="100" y="100" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="Task_Review_di" bpmnElement="Task_Review">
                        <dc:Bounds x="200" y="78" width="100" height="80" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="EndEvent_Reviewed_di" bpmnElement="EndEvent_Reviewed">
                        <dc:Bounds x="360" y="100" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="SequenceFlow_ToReview_di" bpmnElement="SequenceFlow_ToReview">
                        <di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" />
                      </bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="SequenceFlow_ToEnd_di" bpmnElement="SequenceFlow_ToEnd">
                        <di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" />
                      </bpmndi:BPMNEdge>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """;

        /** Not executable, no time to live, no platform, generated ids, a task and a flow left undrawn. */
        private static final String BAD_BPMN = BPMN_HEAD.formatted("") + """
                  <bpmn:process id="Process_1x2y3z4" isExecutable="false">
                    <bpmn:startEvent id="StartEvent_1" />
                    <bpmn:sequenceFlow id="Flow_0abc123" sourceRef="StartEvent_1" targetRef="Activity_0x1y2z3" />
                    <bpmn:userTask id="Activity_0x1y2z3" />
                    <bpmn:sequenceFlow id="SequenceFlow_Done" sourceRef="Activity_0x1y2z3" targetRef="Task_approve" />
                    <bpmn:userTask id="Task_approve" />
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1x2y3z4">
                      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
                        <dc:Bounds x="100" y="100" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="Task_approve_di" bpmnElement="Task_approve">
                        <dc:Bounds x="400" y="78" width="100" height="80" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="Flow_0abc123_di" bpmnElement="Flow_0abc123">
                        <di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" />
                      </bpmndi:BPMNEdge>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """;

        /** A decision as a new Modeler file has it: generated ids, no time to live, no DMNDI. */
        private static final String BAD_DMN = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_0f7ffhm"
                    name="DRD" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="Decision_1kq2ty4" name="Decision 1">
                    <decisionTable id="DecisionTable_0wq1e5x">
                      <input id="Input_1">
                        <inputExpression id="InputExpression_1" typeRef="string"><text>category</text></inputExpression>
                      </input>
                      <output id="Output_1" name="reason" typeRef="string" />
                      <rule id="DecisionRule_0pz3n1k">
                        <inputEntry id="UnaryTests_1b1w6ax"><text>"A"</text></inputEntry>
                        <outputEntry id="LiteralExpression_0ah9kgw"><text>"a reason"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;

        @Test
        void aGoodProcessPassesEveryCheck() throws IOException {
            BpmnModelInstance model = bpmn(write("good.bpmn", GOOD_BPMN));

            assertThat(modelerPlatformProblems(model)).isEmpty();
            assertThat(processProblems(model)).isEmpty();
            assertThat(bpmnLayoutProblems(model)).isEmpty();
            assertThat(bpmnIdProblems(model)).isEmpty();
        }

        @Test
        void aBadProcessIsCaughtOnEveryCheck() throws IOException {
            BpmnModelInstance model = bpmn(write("bad.bpmn", BAD_BPMN));

            assertThat(modelerPlatformProblems(model)).hasSize(2);
            assertThat(processProblems(model)).containsExactlyInAnyOrder(
                    "process Process_1x2y3z4 is not isExecutable=\"true\"",
                    "process Process_1x2y3z4 has no camunda:historyTimeToLive");
            assertThat(bpmnLayoutProblems(model)).containsExactlyInAnyOrder(
                    "userTask Activity_0x1y2z3 has no BPMNShape",
                    "sequenceFlow SequenceFlow_Done has no BPMNEdge");
            assertThat(bpmnIdProblems(model)).hasSize(4).allSatisfy(problem -> assertThat(problem)
                    .containsAnyOf("Process_1x2y3z4", "StartEvent_1 ", "Flow_0abc123", "Activity_0x1y2z3"));
        }

        @Test
        void aNewModelerDecisionIsCaughtOnEveryCheck() throws IOException {
            DmnModelInstance model = dmn(write("bad.dmn", BAD_DMN));

            assertThat(modelerPlatformProblems(model)).hasSize(2);
            assertThat(decisionProblems(model))
                    .containsExactly("decision Decision_1kq2ty4 has no camunda:historyTimeToLive");
            assertThat(dmnLayoutProblems(model)).singleElement().asString().startsWith("no DMNDI diagram");
            assertThat(dmnIdProblems(model)).hasSize(5);
        }

        @Test
        void readableIdsAreNotTakenForGeneratedOnes() {
            assertThat(List.of("Task_FormalReview", "Gateway_FormalReviewPassed", "SequenceFlow_TweetApprovedNo",
                    "Task_approve", "Rule_FirstClassRating", "Input_Category", "chenzhou-eligibility",
                    "DecisionTable_ChenzhouEligibility", "Activity_Review2"))
                    .noneMatch(id -> GENERATED_ID.matcher(id).matches());
            assertThat(List.of("Activity_0x1y2z3", "Gateway_1abcdef", "Flow_0abc123", "Event_0kjh2m1",
                    "DecisionRule_0pz3n1k", "Decision_1", "Input_1", "SequenceFlow_1n2b3v4"))
                    .allMatch(id -> GENERATED_ID.matcher(id).matches());
        }

        private Path write(String name, String content) throws IOException {
            return Files.writeString(folder.resolve(name), content);
        }
    }
}
