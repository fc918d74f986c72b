package cn.kexie.capability.common;


import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import java.util.Locale;

/** 中文 / English: switches the UI's language and remembers the choice. */
public final class LanguageSwitch {

    private LanguageSwitch() {
    }

    public static Button create() {
        UI ui = UI.getCurrent();
        Locale current = ui == null ? Messages.CHINESE : ui.getLocale();
        boolean english = Messages.isEnglish(current);
        Button button = new Button(english ? "中文" : "English");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.setId("language-switch");
        button.addClickListener(click -> {
            Locale next = english ? Messages.CHINESE : Messages.ENGLISH;
            UI.getCurrent().getSession().setLocale(next);
            LanguageSettings.remember(next);
            UI.getCurrent().getPage().reload();
        });
        return button;
    }
}
