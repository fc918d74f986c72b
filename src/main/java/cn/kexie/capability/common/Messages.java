package cn.kexie.capability.common;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The texts of the UI and of user errors: Simplified Chinese first, English second. Each feature
 * keeps its texts in its own bundle {@code i18n/<feature>.properties} (Chinese) with
 * {@code i18n/<feature>_en.properties} beside it; keys are unique across bundles.
 */
@Component
public class Messages implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(CHINESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return get(locale, key, params);
    }

    /**
     * The language of an answer to a request with this Accept-Language header: English if the client
     * prefers it to Chinese, Chinese otherwise (also without the header, or with a malformed one).
     */
    public static Locale preferred(String acceptLanguage) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    if (range.getWeight() == 0) {
                        continue;
                    }
                    String language = range.getRange().split("-")[0];
                    if ("en".equals(language)) {
                        return ENGLISH;
                    }
                    if ("zh".equals(language)) {
                        return CHINESE;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return CHINESE;
            }
        }
        return CHINESE;
    }

    public static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    public static String get(Locale locale, String key, Object... params) {
        boolean english = isEnglish(locale);
        for (String baseName : Bundles.NAMES) {
            ResourceBundle bundle = ResourceBundle.getBundle(baseName, english ? ENGLISH : Locale.ROOT, NO_FALLBACK);
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                try {
                    return new MessageFormat(pattern, english ? ENGLISH : CHINESE).format(plain(params));
                } catch (IllegalArgumentException notAPattern) {
                    return pattern;
                }
            }
        }
        return key;
    }

    /**
     * Numbers shown as people write them in these texts: no thousands separators (years, limits
     * such as 4000 characters), no trailing ".0" on whole decimals (20 points, not 20.0).
     */
    private static Object[] plain(Object[] params) {
        if (params == null) {
            return new Object[0];
        }
        Object[] out = params.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Integer || out[i] instanceof Long || out[i] instanceof Short) {
                out[i] = String.valueOf(out[i]);
            } else if (out[i] instanceof java.math.BigDecimal d) {
                out[i] = d.stripTrailingZeros().toPlainString();
            } else if (out[i] instanceof Double d) {
                out[i] = java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            }
        }
        return out;
    }

    /** The keys of every bundle that start with the prefix (e.g. {@code status.}), in bundle order. */
    public static List<String> keysStartingWith(String prefix) {
        List<String> keys = new ArrayList<>();
        for (String baseName : Bundles.NAMES) {
            ResourceBundle bundle = ResourceBundle.getBundle(baseName, Locale.ROOT, NO_FALLBACK);
            bundle.keySet().stream().filter(k -> k.startsWith(prefix) && !keys.contains(k)).sorted().forEach(keys::add);
        }
        return keys;
    }

    /** Every problem of a user error, one per line. */
    public static String describe(Locale locale, UserError error) {
        return error.problems().stream()
                .map(p -> get(locale, p.key(), translatedArgs(locale, p.args())))
                .collect(Collectors.joining("\n"));
    }

    /** One problem of a user error, in the user's language. */
    public static String describe(Locale locale, UserError.Problem problem) {
        return get(locale, problem.key(), translatedArgs(locale, problem.args()));
    }

    /**
     * Arguments that are message keys themselves (a field's name, say) are shown translated, and so
     * are problems inside a problem (one row of an imported sheet: 第3行：单位名称……).
     */
    private static Object[] translatedArgs(Locale locale, Object[] args) {
        Object[] out = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof UserError.Problem inner) {
                out[i] = get(locale, inner.key(), translatedArgs(locale, inner.args()));
            } else if (out[i] instanceof String s && s.indexOf('.') > 0 && !s.contains(" ")) {
                String translated = get(locale, s);
                if (!translated.equals(s)) {
                    out[i] = translated;
                }
            }
        }
        return out;
    }

    /** The base names of the bundles on the class path, found once. */
    private static final class Bundles {
        static final List<String> NAMES = find();

        private static List<String> find() {
            try {
                List<String> names = new ArrayList<>();
                for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
                    String file = r.getFilename();
                    if (file != null && !file.contains("_")) {
                        names.add("i18n/" + file.substring(0, file.length() - ".properties".length()));
                    }
                }
                names.sort(null);
                return List.copyOf(names);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MissingResourceException e) {
                return List.of();
            }
        }
    }
}
