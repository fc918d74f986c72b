package cn.kexie.capability;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A Vaadin UI for tests without a browser or servlet: a mocked service whose instantiator hands out
 * the platform's texts (so {@code getTranslation} works), a mocked session that reports its lock
 * held (so dialogs and notifications can open) and registers download links, and a UI in Simplified Chinese, all made current
 * for this thread. Build views and forms after {@link #open}, drive their fields and buttons, and
 * {@link #close} afterwards. Vaadin keeps current instances only weakly, so this class holds them
 * until then: without it a test's UI can be collected half-way and notifications fail.
 */
public final class VaadinTestUi {

    /** Strong references to the current instances of this thread, until {@link #close}. */
    private static final ThreadLocal<Object[]> HELD = new ThreadLocal<>();

    private VaadinTestUi() {
    }

    /** A current UI in Simplified Chinese with the given texts. */
    public static UI open(I18NProvider texts) {
        return open(texts, Locale.SIMPLIFIED_CHINESE);
    }

    public static UI open(I18NProvider texts, Locale locale) {
        VaadinService service = mock(VaadinService.class);
        Instantiator instantiator = mock(Instantiator.class);
        when(service.getInstantiator()).thenReturn(instantiator);
        when(instantiator.getI18NProvider()).thenReturn(texts);
        VaadinSession session = mock(VaadinSession.class);
        when(session.hasLock()).thenReturn(true);
        when(session.getService()).thenReturn(service);
        when(session.getLocale()).thenReturn(locale);
        // download links (StreamResource) register with the session's resources
        StreamResourceRegistry resources = new StreamResourceRegistry(session);
        when(session.getResourceRegistry()).thenReturn(resources);
        VaadinService.setCurrent(service);
        VaadinSession.setCurrent(session);
        UI ui = new UI();
        ui.getInternals().setSession(session);
        ui.setLocale(locale);
        UI.setCurrent(ui);
        HELD.set(new Object[] {service, session, ui});
        return ui;
    }

    /** The request being handled comes from this address, with this X-Forwarded-For header (or none). */
    public static VaadinRequest request(String remoteAddr, String forwardedFor) {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getRemoteAddr()).thenReturn(remoteAddr);
        when(request.getHeader("X-Forwarded-For")).thenReturn(forwardedFor);
        CurrentInstance.set(VaadinRequest.class, request);
        Object[] held = HELD.get();
        HELD.set(held == null ? new Object[] {request} : java.util.stream.Stream.concat(
                java.util.Arrays.stream(held), java.util.stream.Stream.of(request)).toArray());
        return request;
    }

    /** Forgets the UI, session, service and request of this thread. */
    public static void close() {
        CurrentInstance.clearAll();
        HELD.remove();
    }

    /** The first component below {@code root} (or root itself) of the type that matches. */
    public static <T extends Component> Optional<T> find(Component root, Class<T> type, Predicate<T> matches) {
        return descendants(root).filter(type::isInstance).map(type::cast).filter(matches).findFirst();
    }

    public static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(VaadinTestUi::descendants));
    }
}
