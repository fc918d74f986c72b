package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.document.PdfDownload;
import cn.kexie.capability.document.PdfText;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.workflow.WorkflowTasks;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouteParameters;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The document links of the dossier page and the applications list, as each role finds them: every
 * reader the 申报书, the deciding roles the panel's score summary, everyone the agreement once the
 * diagram generated it; the list the chosen call's result list. The links download real PDFs.
 */
@PlatformTest
class DossierDownloadsTest {

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired Messages messages;
    @Autowired ApplicationService applications;
    @Autowired ApplicationDocuments documents;
    @Autowired DossierPanel dossiers;
    @Autowired WorkflowTasks tasks;
    @Autowired CurrentUser currentUser;
    @Autowired List<DossierDocument> dossierDocuments;
    @Autowired ProgrammeCatalogue catalogue;

    FormTasks forms;

    @BeforeEach
    void ui() {
        VaadinTestUi.open(messages);
        forms = new FormTasks(context);
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void eachRoleFindsTheDocumentsItMayRead() {
        long app = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "REVIEWED");
        sheet(app, "expert1", 80);
        sheet(app, "expert2", 90);

        Map<String, PdfDownload> office = AsUser.call(identity, "office", () -> links(app));
        assertThat(office).containsOnlyKeys("下载申报书（PDF）", "下载专家评审汇总表（PDF）");
        assertThat(office.get("下载专家评审汇总表（PDF）").resource().getName()).isEqualTo("评审汇总表-" + forms.number(app) + ".pdf");
        String summary = AsUser.call(identity, "office", () -> PdfText.of(PdfText.download(
                office.get("下载专家评审汇总表（PDF）").resource())).assertEmbeddedChineseFont().compact());
        assertThat(summary).contains("专家评审汇总表", "评审专家2人；专家组评分：85");
        String form = AsUser.call(identity, "office", () -> PdfText.of(PdfText.download(
                office.get("下载申报书（PDF）").resource())).compact());
        assertThat(form).contains("项目申报书", forms.number(app), "会议费20,000.00");

        // the applicant reads its 申报书, never the experts' sheets
        assertThat(AsUser.call(identity, "cz-med", () -> links(app))).containsOnlyKeys("下载申报书（PDF）");
        // the deciding roles see the summary; finance decides on payments, not on scores
        assertThat(AsUser.call(identity, "party", () -> links(app))).containsKey("下载专家评审汇总表（PDF）");
        assertThat(AsUser.call(identity, "finance", () -> links(app))).containsOnlyKeys("下载申报书（PDF）");
        // another city's office gets the page of a missing application, without links
        assertThat(AsUser.call(identity, "office-xz", () -> links(app))).isEmpty();

        // once the diagram generated the agreement, every reader of the dossier finds it too
        jdbc.sql("insert into application_event (application_id, occurred_at, step, outcome) values (?, ?, 'agreement', 'GENERATED')")
                .params(app, Timestamp.from(Instant.now())).update();
        Map<String, PdfDownload> applicant = AsUser.call(identity, "cz-med", () -> links(app));
        assertThat(applicant).containsOnlyKeys("下载申报书（PDF）", "下载项目责任书（PDF）");
        String agreement = AsUser.call(identity, "cz-med", () -> PdfText.of(PdfText.download(
                applicant.get("下载项目责任书（PDF）").resource())).compact());
        assertThat(agreement).contains("项目责任书", "乙方（项目承担单位）郴州市医学会", "核定金额人民币30,000.00元（大写：叁万元整）");
    }

    @Test
    void theListOffersTheChosenCallsResultList() {
        Call call = catalogue.call("CHENZHOU", cn.kexie.capability.common.PlatformClock.today().getYear()).orElseThrow();
        AsUser.run(identity, "office", () -> {
            ApplicationListView view = new ApplicationListView(applications, catalogue, documents);
            assertThat(view.resultList.isVisible()).isFalse();
            view.programme.setValue(catalogue.programme("CHENZHOU").orElseThrow());
            view.call.setValue(call);
            assertThat(view.resultList.isVisible()).isTrue();
            PdfDownload link = (PdfDownload) view.resultList.getChildren().filter(PdfDownload.class::isInstance)
                    .findFirst().orElseThrow();
            assertThat(link.getText()).isEqualTo("下载年度立项/获奖名单（PDF）");
            assertThat(link.resource().getName()).isEqualTo(call.year() + "年度立项获奖名单.pdf");
            assertThat(PdfText.of(PdfText.download(link.resource())).compact())
                    .contains(call.year() + "年度郴州市科协学会服务能力提升计划立项名单");
            view.call.clear();
            assertThat(view.resultList.isVisible()).isFalse();
        });
    }

    /** The document links the dossier page shows the current user, by their text. */
    private Map<String, PdfDownload> links(long id) {
        ApplicationDetailView view = new ApplicationDetailView(applications, dossiers, tasks, currentUser, List.of(),
                dossierDocuments, List.of());
        BeforeEnterEvent event = mock(BeforeEnterEvent.class);
        when(event.getRouteParameters()).thenReturn(new RouteParameters("id", String.valueOf(id)));
        view.beforeEnter(event);
        return view.downloads.getChildren().filter(PdfDownload.class::isInstance).map(PdfDownload.class::cast)
                .collect(Collectors.toMap(PdfDownload::getText, link -> link));
    }

    /** An expert's sheet with the same points on every criterion, as the scoring form would store it. */
    private void sheet(long app, String expert, int total) {
        jdbc.sql("insert into review_sheet (application_id, expert_id, no_conflict, comment, total_points, submitted_at) values (?, ?, true, ?, ?, ?)")
                .params(app, expert, "意见" + expert, BigDecimal.valueOf(total), Timestamp.from(Instant.now())).update();
        for (String criterion : List.of("BASIC_CONDITIONS", "SUSTAINABILITY", "SCIENTIFIC_SOUNDNESS", "DEMONSTRATION", "SPREAD")) {
            jdbc.sql("insert into review_score (application_id, expert_id, criterion, label, max_points, points) values (?, ?, ?, ?, 20, ?)")
                    .params(app, expert, criterion, criterion, BigDecimal.valueOf(total).divide(BigDecimal.valueOf(5))).update();
        }
    }
}
