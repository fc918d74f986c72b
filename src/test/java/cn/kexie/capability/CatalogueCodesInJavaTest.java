package cn.kexie.capability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Java in {@code src/main/java} names a city or programme code of the catalogue: what differs between
 * cities and programmes is catalogue data or a decision table. The codes are read from the catalogue's
 * migrations (every {@code insert into city} and {@code insert into programme}); demo data
 * ({@code demo/}) is data, and may name them.
 */
class CatalogueCodesInJavaTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path JAVA = Path.of("src/main/java");

    private static final Pattern INSERT = Pattern.compile("insert\\s+into\\s+(city|programme)\\s*\\([^)]*\\)\\s*values(.*?);",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** The first value of each row: the code. */
    private static final Pattern FIRST_VALUE = Pattern.compile("\\(\\s*'([^']+)'");

    static final Set<String> CODES = new TreeSet<>();

    @BeforeAll
    static void readTheCatalogue() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher insert = INSERT.matcher(Files.readString(file));
                while (insert.find()) {
                    Matcher value = FIRST_VALUE.matcher(insert.group(2));
                    while (value.find()) {
                        CODES.add(value.group(1));
                    }
                }
            }
        }
    }

    /** Where the text names a code as a literal: {@code "CODE"}, {@code "CODE-…"}, or {@code 'CODE'} in SQL. */
    static List<String> namings(String text) {
        List<String> found = new ArrayList<>();
        for (String code : CODES) {
            Matcher m = Pattern.compile("[\"']" + Pattern.quote(code) + "[\"'\\-]").matcher(text);
            while (m.find()) {
                found.add(code);
            }
        }
        return found;
    }

    @Test
    void theCatalogueHasTheFiveCitiesAndTheirProgrammes() {
        assertThat(CODES).contains("CHENZHOU", "XUZHOU", "LIANYUNGANG", "XIANGYANG", "CHENGDU");
    }

    @Test
    void aLiteralIsFoundWhereverItStands() {
        assertThat(namings("if (\"CHENGDU\".equals(city))")).containsExactly("CHENGDU");
        assertThat(namings("String key = \"XUZHOU-\" + year;")).containsExactly("XUZHOU");
        assertThat(namings("where city_code = 'CHENZHOU'")).containsExactly("CHENZHOU");
        assertThat(namings("/** The yearly evaluation of Chengdu societies (CHENGDU_LIKE) */")).isEmpty();
    }

    @Test
    void noJavaOutsideDemoDataNamesACityOrProgrammeCode() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.toString().replace('\\', '/').contains("/demo/")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    for (String code : namings(lines.get(i))) {
                        offenders.add(JAVA.relativize(file) + ":" + (i + 1) + " names " + code);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
