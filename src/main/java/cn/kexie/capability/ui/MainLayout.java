package cn.kexie.capability.ui;

import cn.kexie.capability.security.CurrentUser;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import cn.kexie.capability.common.LanguageSwitch;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The frame of every view after login. The navigation lists the views annotated with
 * {@code @Menu} whose access rules let the user in: each role sees only what it may use.
 * Menu titles are message keys.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 viewTitle = new H1();

    private final java.util.List<MenuVisibility> visibility;

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication,
            java.util.List<MenuVisibility> visibility, java.util.List<HeaderItem> headerItems) {
        this.visibility = visibility;
        setPrimarySection(Section.DRAWER);
        viewTitle.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), viewTitle);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassNames("app-header");
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        Span spacer = new Span();
        header.addAndExpand(spacer);
        if (currentUser.id().isPresent()) {
            Span user = new Span(currentUser.displayName());
            user.setId("current-user");
            Button logout = new Button(getTranslation("nav.logout"), click -> authentication.logout());
            logout.setId("logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            headerItems.forEach(item -> header.add(item.create()));
            header.add(user, LanguageSwitch.create(), logout);
        } else {
            header.add(LanguageSwitch.create());
        }
        addToNavbar(header);

        H1 appName = new H1(getTranslation("app.title"));
        appName.getStyle().set("font-size", "var(--lumo-font-size-m)").set("margin", "var(--lumo-space-m)");
        addToDrawer(appName, new Scroller(navigation()));
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            if (visibility.stream().allMatch(v -> v.visible(path))) {
                nav.addItem(new SideNavItem(getTranslation(entry.title()), entry.path()));
            }
        }
        return nav;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(getContent() instanceof HasDynamicTitle titled ? titled.getPageTitle() : "");
    }
}
