package cn.kexie.capability.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.FormTasks;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.implementation.ImplementationService;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.workflow.WorkflowTasks;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouteParameters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Cities are separate: {@code office-xz}, the programme office of Xuzhou only, lists, counts and
 * opens Xuzhou's applications only, and another city's dossier opened by id is refused like a
 * missing one; {@code office}, of all five cities, sees them all.
 */
@PlatformTest
class DossierCitiesTest {

    static final byte[] PDF = "%PDF-1.4\n% city test\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired Messages messages;
    @Autowired ApplicationService applications;
    @Autowired AttachmentService attachments;
    @Autowired DossierPanel dossiers;
    @Autowired WorkflowTasks tasks;
    @Autowired CurrentUser currentUser;
    @Autowired ImplementationService implementation;

    FormTasks forms;

    @BeforeEach
    void forms() {
        forms = new FormTasks(context);
    }

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void xuzhousOfficeListsAndCountsXuzhousApplicationsOnly() {
        long chenzhou = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        long xuzhou = forms.application("XUZHOU", "XZ-MECH", "FIRST_CLASS", "FORMAL_REVIEW");
        int xuzhouInDatabase = jdbc.sql("select count(*) from application where programme_code = 'XUZHOU'")
                .query(Integer.class).single();
        int allInDatabase = jdbc.sql("select count(*) from application").query(Integer.class).single();

        List<Application> seen = as("office-xz", () -> applications.search(ApplicationFilter.all(), 0, 100_000));
        assertThat(seen).extracting(Application::id).contains(xuzhou).doesNotContain(chenzhou);
        assertThat(seen).extracting(Application::programmeCode).containsOnly("XUZHOU");
        assertThat(seen).hasSize(xuzhouInDatabase);
        assertThat(as("office-xz", () -> applications.count(ApplicationFilter.all()))).isEqualTo(xuzhouInDatabase);

        // asking for the other city's programme, or for its application by number, finds nothing
        ApplicationFilter chenzhouProgramme = new ApplicationFilter("CHENZHOU", null, null, null, null);
        assertThat(as("office-xz", () -> applications.search(chenzhouProgramme, 0, 100))).isEmpty();
        assertThat(as("office-xz", () -> applications.count(chenzhouProgramme))).isZero();
        ApplicationFilter byNumber = new ApplicationFilter(null, null, null, null, forms.number(chenzhou));
        assertThat(as("office-xz", () -> applications.search(byNumber, 0, 100))).isEmpty();

        assertThat(as("office", () -> applications.search(ApplicationFilter.all(), 0, 100_000)))
                .extracting(Application::id).contains(chenzhou, xuzhou).hasSize(allInDatabase);
        assertThat(as("office", () -> applications.count(ApplicationFilter.all()))).isEqualTo(allInDatabase);
        assertThat(as("office", () -> applications.search(byNumber, 0, 100))).extracting(Application::id)
                .containsExactly(chenzhou);
    }

    @Test
    void anotherCitysDossierIsRefusedWhateverIdIsAsked() {
        long chenzhou = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        long xuzhou = forms.application("XUZHOU", "XZ-MECH", "FIRST_CLASS", "FORMAL_REVIEW");
        forms.attach(chenzhou, Attachment.Kind.APPLICATION, "申报书.pdf", PDF, "cz-med");
        long file = attachments.list(chenzhou).get(0).id();

        assertThatThrownBy(() -> as("office-xz", () -> applications.get(chenzhou))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("office-xz", () -> applications.events(chenzhou))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("office-xz", () -> attachments.content(chenzhou, file)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> implementation.reportFraud(chenzhou, "捏造的发现")))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(as("office-xz", () -> applications.get(xuzhou)).number()).isEqualTo(forms.number(xuzhou));
        assertThat(as("office", () -> applications.get(chenzhou)).number()).isEqualTo(forms.number(chenzhou));
        assertThat(as("office", () -> attachments.content(chenzhou, file))).isEqualTo(PDF);
    }

    @Test
    void theDossierPageShowsAnotherCitysApplicationLikeAMissingOne() {
        long chenzhou = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        VaadinTestUi.open(messages);

        String otherCity = as("office-xz", () -> pageText(chenzhou));
        String missing = as("office-xz", () -> pageText(Long.MAX_VALUE));
        String own = as("office", () -> pageText(chenzhou));

        assertThat(otherCity).isEqualTo(missing).isEqualTo(messages.getTranslation("application.notAvailable",
                java.util.Locale.SIMPLIFIED_CHINESE)).doesNotContain(forms.number(chenzhou));
        assertThat(own).doesNotContain(missing);
    }

    @Test
    void theDossierShowsTheBudgetAsMoneyIsShownEverywhere() {
        long chenzhou = forms.application("CZ-MED", "ACADEMIC_EXCHANGE", "FORMAL_REVIEW");
        VaadinTestUi.open(messages);
        List<String> footers = as("office", () -> {
            ApplicationDetailView view = new ApplicationDetailView(applications, dossiers, tasks, currentUser, List.of(), List.of(), List.of());
            BeforeEnterEvent event = mock(BeforeEnterEvent.class);
            when(event.getRouteParameters()).thenReturn(new RouteParameters("id", String.valueOf(chenzhou)));
            view.beforeEnter(event);
            return VaadinTestUi.descendants(view).filter(com.vaadin.flow.component.grid.Grid.class::isInstance)
                    .flatMap(g -> ((com.vaadin.flow.component.grid.Grid<?>) g).getColumns().stream())
                    .map(c -> c.getFooterText()).filter(t -> t != null && !t.isEmpty()).toList();
        });
        assertThat(footers).as("grouped, two decimals, as the ledger shows money").contains("30,000.00");
    }

    /** What the dossier page shows the current user for the id: its paragraphs' texts. */
    private String pageText(long id) {
        ApplicationDetailView view = new ApplicationDetailView(applications, dossiers, tasks, currentUser, List.of(), List.of(), List.of());
        BeforeEnterEvent event = mock(BeforeEnterEvent.class);
        when(event.getRouteParameters()).thenReturn(new RouteParameters("id", String.valueOf(id)));
        view.beforeEnter(event);
        return VaadinTestUi.descendants(view).filter(Paragraph.class::isInstance).map(p -> ((Paragraph) p).getText())
                .reduce("", String::concat);
    }

    private <T> T as(String user, Supplier<T> work) {
        return AsUser.call(identity, user, work);
    }
}
