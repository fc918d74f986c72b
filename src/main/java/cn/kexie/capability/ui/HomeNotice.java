package cn.kexie.capability.ui;

import java.util.List;
import java.util.Locale;

/**
 * A feature's contribution to the home view: warnings and reminders for the logged-in user
 * (for example, a missing holiday arrangement for next year). Implement it as a Spring bean.
 */
public interface HomeNotice {

    /** One line on the home view; {@code warning} shows it in the warning colour. */
    record Notice(String text, boolean warning) {
    }

    List<Notice> notices(Locale locale);
}
