package cn.kexie.capability.ui;

import cn.kexie.capability.security.CurrentUser;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Start page after login: a greeting and the notices features raise for this user. */
@Route("")
@Menu(order = 0, title = "nav.home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(CurrentUser currentUser, List<HomeNotice> noticeSources) {
        add(new H2(getTranslation("home.welcome", currentUser.displayName())));
        add(new Paragraph(getTranslation("home.intro")));
        Div notices = new Div();
        notices.setId("home-notices");
        for (HomeNotice source : noticeSources) {
            for (HomeNotice.Notice notice : source.notices(getLocale())) {
                Paragraph line = new Paragraph(notice.text());
                line.addClassName(notice.warning() ? "notice-warning" : "notice-info");
                if (notice.warning()) {
                    line.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
                }
                notices.add(line);
            }
        }
        add(notices);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home");
    }
}
