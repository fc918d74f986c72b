package cn.kexie.capability.programme;

import java.util.Locale;

/**
 * A county or district (县区) of a city, and the engine group of its county association: the
 * confirmation of an application that names the county is offered to that group only.
 */
public record County(String code, String cityCode, String nameZh, String nameEn, String confirmationGroup) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
