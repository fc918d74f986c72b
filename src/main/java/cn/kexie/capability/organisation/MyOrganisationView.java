package cn.kexie.capability.organisation;

import cn.kexie.capability.security.Roles;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** What the register holds about the applicant's own organisation; the office keeps it up to date. */
@Route("my-organisation")
@Menu(order = 70, title = "nav.myOrganisation")
@RolesAllowed(Roles.APPLICANT)
public class MyOrganisationView extends VerticalLayout implements HasDynamicTitle {

    public MyOrganisationView(OrganisationService service) {
        service.mine().ifPresentOrElse(org -> {
            add(line("organisation.name", org.getName()));
            add(line("organisation.code", org.getCode()));
            add(line("organisation.type", getTranslation("organisation.type." + org.getType().name())));
            add(line("organisation.rating", org.getRating() == 0 ? getTranslation("organisation.rating.none") : org.getRating() + "A"));
            add(line("organisation.secretaryGeneral", org.getSecretaryGeneral()));
            add(line("organisation.inspections", org.getInspections().stream()
                    .map(r -> r.year() + " " + getTranslation(r.passed() ? "organisation.passed" : "organisation.failed"))
                    .collect(Collectors.joining("，"))));
            add(line("organisation.assessments", org.getAssessments().stream()
                    .map(r -> r.year() + " " + getTranslation(r.passed() ? "organisation.passed" : "organisation.failed"))
                    .collect(Collectors.joining("，"))));
            add(line("organisation.commendations", org.getCommendations().stream()
                    .map(c -> c.year() + " " + c.title()).collect(Collectors.joining("，"))));
            add(line("organisation.sanctions", org.getSanctions().stream()
                    .map(s -> s.findingYear() + " " + getTranslation("organisation.finding." + s.finding())
                            + (s.banUntilYear() == null ? "" : " " + getTranslation("organisation.bannedUntil", s.banUntilYear())))
                    .collect(Collectors.joining("，"))));
            add(line("organisation.section.bank", org.bankAccount()
                    .map(a -> a.bankName() + " · " + a.accountName() + " · " + a.accountNo()).orElse(null)));
            add(new Paragraph(getTranslation("organisation.mine.help")));
        }, () -> add(new Paragraph(getTranslation("organisation.mine.none"))));
    }

    private Paragraph line(String key, String value) {
        Span label = new Span(getTranslation(key) + "：");
        label.getStyle().set("font-weight", "600");
        return new Paragraph(label, new Span(value == null || value.isBlank() ? "—" : value));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.myOrganisation");
    }
}
