package cn.kexie.capability.application;

import cn.kexie.capability.document.PdfRenderer;
import cn.kexie.capability.organisation.Organisation;
import cn.kexie.capability.organisation.OrganisationService;
import cn.kexie.capability.programme.Call;
import cn.kexie.capability.programme.Category;
import cn.kexie.capability.programme.Programme;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.programme.ProgrammeOffice;
import cn.kexie.capability.security.CurrentUser;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application's own PDF documents: the 申报书 of one dossier, for whoever may read the dossier
 * ({@link ApplicationService#get}), and the yearly result list (年度立项/获奖名单) of a call, for whoever
 * has the applications list of the call's city, showing exactly what that list shows them.
 */
@Service
public class ApplicationDocuments {

    private final ApplicationService applications;
    private final AttachmentService attachments;
    private final OrganisationService organisations;
    private final ProgrammeCatalogue catalogue;
    private final ApprovedAmount approvedAmount;
    private final CurrentUser currentUser;
    private final PdfRenderer renderer;

    ApplicationDocuments(ApplicationService applications, AttachmentService attachments, OrganisationService organisations,
            ProgrammeCatalogue catalogue, ApprovedAmount approvedAmount, CurrentUser currentUser, PdfRenderer renderer) {
        this.applications = applications;
        this.attachments = attachments;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.approvedAmount = approvedAmount;
        this.currentUser = currentUser;
        this.renderer = renderer;
    }

    /** The 申报书 as a PDF, if the caller may read the dossier; refused like a missing one otherwise. */
    @Transactional(readOnly = true)
    public byte[] applicationForm(long applicationId) {
        Application app = applications.get(applicationId);
        Organisation org = organisations.load(app.organisationId());
        Programme programme = catalogue.requireProgramme(app.programmeCode());
        String category = catalogue.category(app.programmeCode(), app.categoryCode()).map(Category::nameZh)
                .orElse(app.categoryCode());
        List<cn.kexie.capability.programme.DeclaredField> fields = applications.declaredFields(app);
        // a county named by its code on the form is printed by its name
        Map<String, Object> shown = new java.util.LinkedHashMap<>(app.declared());
        fields.forEach(f -> shown.computeIfPresent(f.name(), (name, v) -> applications.declaredForReading(f, v, cn.kexie.capability.common.Messages.CHINESE)));
        return renderer.render(ApplicationFormDocument.xhtml(app, shown, applications.particulars(app.id()), org, programme, category,
                fields,
                attachments.list(app.id(), Attachment.Kind.APPLICATION)));
    }

    /**
     * The call's projects the programme recognised (立项 or awarded, and later steps), by category in
     * the catalogue's order and by number within it, as the caller's applications list shows them.
     * Refuses roles without that list, and a call of a city the caller does not work for.
     */
    @Transactional(readOnly = true)
    public List<Application> results(long callId) {
        Call call = catalogue.call(callId).orElseThrow(() -> new cn.kexie.capability.common.UserError(
                "programme.error.unknownCall", callId));
        Programme programme = catalogue.requireProgramme(call.programmeCode());
        if (!currentUser.cities().includes(programme.cityCode())) {
            throw new AccessDeniedException("application.error.forbidden");
        }
        Map<String, Integer> order = catalogue.categories(programme.code()).stream()
                .collect(Collectors.toMap(Category::code, Category::sortOrder));
        ApplicationFilter filter = new ApplicationFilter(programme.code(), callId, null, null, null);
        return applications.search(filter, 0, 100_000).stream()
                .filter(a -> ApplicationStatus.is(a.status(), ApplicationStatus.Kind.RECOGNISED))
                .sorted(Comparator.comparing((Application a) -> order.getOrDefault(a.categoryCode(), Integer.MAX_VALUE))
                        .thenComparing(Application::number))
                .toList();
    }

    /** The call's result list (年度立项/获奖名单) as a PDF: {@link #results} with the issuer and, where published, amounts. */
    @Transactional(readOnly = true)
    public byte[] resultList(long callId) {
        List<Application> results = results(callId);
        Call call = catalogue.call(callId).orElseThrow();
        Programme programme = catalogue.requireProgramme(call.programmeCode());
        ProgrammeOffice office = catalogue.office(programme.code());
        Map<String, String> categories = catalogue.categories(programme.code()).stream()
                .collect(Collectors.toMap(Category::code, Category::nameZh));
        Function<Application, java.math.BigDecimal> amount = office.publishesAmounts() ? approvedAmount::of : a -> null;
        return renderer.render(ResultListDocument.xhtml(programme, call, office, categories, results, amount));
    }

    /** The file name of a call's result list. */
    public static String resultListFileName(Call call) {
        return call.year() + "年度立项获奖名单.pdf";
    }

    /** The file name of an application's 申报书. */
    public static String applicationFormFileName(Application app) {
        return "申报书-" + app.number() + ".pdf";
    }
}
