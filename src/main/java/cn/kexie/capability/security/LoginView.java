package cn.kexie.capability.security;

import cn.kexie.capability.common.LanguageSwitch;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** The one login of the platform; Cockpit, Tasklist and Admin use it too. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final Paragraph lockedMessage = new Paragraph();

    public LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());
        lockedMessage.getStyle().set("color", "var(--lumo-error-text-color)");
        lockedMessage.setVisible(false);
        Anchor publicNotices = new Anchor("public/notices", getTranslation("login.publicNotices"));
        add(new H1(getTranslation("app.title")), form, lockedMessage, publicNotices, LanguageSwitch.create());
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("login.error.username"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean error = parameters.containsKey("error");
        form.setError(error);
        Object last = lastException();
        if (error && last instanceof LockedException locked) {
            form.setError(false);
            lockedMessage.setText(locked.getMessage());
            lockedMessage.setVisible(true);
        } else if (parameters.containsKey("expired")) {
            lockedMessage.setText(getTranslation("login.expired"));
            lockedMessage.setVisible(true);
        } else {
            lockedMessage.setVisible(false);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.pageTitle");
    }

    private static Object lastException() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            return null;
        }
        Object value = session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return value;
    }

}
