package cn.kexie.capability.programme;

import java.util.Locale;

public record City(String code, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
