package cn.kexie.capability.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.kexie.capability.VaadinTestUi;
import cn.kexie.capability.common.Messages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NotFoundException;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A missing page and an unexpected failure show in the user's language, with the way home and no technical text. */
class ErrorViewsTest {

    final Messages messages = new Messages();

    @AfterEach
    void noUi() {
        VaadinTestUi.close();
    }

    @Test
    void aMissingPageIsAChineseNotFoundPage() {
        VaadinTestUi.open(messages);
        NotFoundView view = new NotFoundView();
        assertThat(view).isInstanceOf(HasErrorParameter.class);

        int status = view.setErrorParameter(event("no-such-page"),
                new ErrorParameter<>(NotFoundException.class, new NotFoundException("Could not navigate to 'no-such-page'")));

        assertThat(status).isEqualTo(404);
        assertThat(text(view)).contains("页面不存在", "返回首页").doesNotContain("navigate", "no-such-page");
    }

    @Test
    void aMissingPageInEnglish() {
        VaadinTestUi.open(messages, Locale.ENGLISH);
        NotFoundView view = new NotFoundView();
        view.setErrorParameter(event("no-such-page"), new ErrorParameter<>(NotFoundException.class, new NotFoundException()));

        assertThat(text(view)).contains("Page not found", "Back to the home page");
    }

    @Test
    void anUnexpectedFailureIsAChinesePageWithoutItsDetails() {
        VaadinTestUi.open(messages);
        InternalErrorView view = new InternalErrorView();

        int status = view.setErrorParameter(event("applications/1"),
                new ErrorParameter<>(Exception.class, new IllegalStateException("NullPointerException in SomeView")));

        assertThat(status).isEqualTo(500);
        assertThat(text(view)).contains("页面暂时无法打开", "返回首页").doesNotContain("Exception", "SomeView");
    }

    private static BeforeEnterEvent event(String path) {
        BeforeEnterEvent event = mock(BeforeEnterEvent.class);
        when(event.getLocation()).thenReturn(new Location(path));
        return event;
    }

    private static String text(Component view) {
        return VaadinTestUi.descendants(view).filter(HasText.class::isInstance).map(c -> ((HasText) c).getText())
                .collect(Collectors.joining("\n"));
    }
}
