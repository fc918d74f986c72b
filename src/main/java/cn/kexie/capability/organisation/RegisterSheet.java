package cn.kexie.capability.organisation;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.programme.City;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The register as a sheet: the columns its export writes, its import template offers and its import
 * reads, in one place so that an exported register imports again unchanged. One row per organisation,
 * keyed by its code; the yearly records (inspections, assessments, commendations, violations,
 * sanctions) are kept in the register itself and are not part of the sheet.
 *
 * <p>Headers and values are written in the UI's language and read in either language: a city by its
 * name or code (郴州市, Chenzhou, CHENZHOU), a type, rating or membership by its label or code, a
 * condition as 是/否 (also yes/no, Y/N, 1/0, √/×); an empty cell is 否, 未评估 or none.
 */
final class RegisterSheet {

    /** One column: the key of its header, whether an import needs it, and how it is written and read. */
    record Column(String field, String key, boolean required, Function<Organisation, String> write,
            Reader read) {

        /** The header in the language. */
        String header(Locale locale) {
            return Messages.get(locale, key);
        }

        /** Whether a header of a file names this column (in Chinese or English, spaces aside). */
        boolean named(String header) {
            String h = header.replaceAll("\\s+", "");
            return h.equalsIgnoreCase(header(Messages.CHINESE).replaceAll("\\s+", ""))
                    || h.equalsIgnoreCase(header(Messages.ENGLISH).replaceAll("\\s+", ""));
        }
    }

    /** Sets the column's field from a cell's text (trimmed; empty for a blank cell), or answers what is wrong. */
    @FunctionalInterface
    interface Reader {
        Optional<Problem> read(Organisation org, String text);
    }

    static final List<String> FACTS = List.of("managementStandard", "hasSecretary", "financeSound",
            "independentBankAccount", "dedicatedFinanceStaff", "hasPartyBranch", "hasWebsiteAndMemberDb",
            "registeredInProvince", "independentLegalPerson", "aboveScaleOrHighTech", "hasRdTeam", "hasStation");

    private RegisterSheet() {
    }

    /** The columns, in the sheet's order, writing in the language and knowing these cities. */
    static List<Column> columns(Locale locale, List<City> cities) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("code", "organisation.code", true, Organisation::getCode, (org, text) -> {
            org.setCode(text);
            return Optional.empty();
        }));
        columns.add(new Column("name", "organisation.name", true, Organisation::getName, (org, text) -> {
            org.setName(text);
            return Optional.empty();
        }));
        columns.add(new Column("city", "organisation.city", true,
                org -> cities.stream().filter(c -> c.code().equals(org.getCityCode())).findFirst().map(c -> c.name(locale))
                        .orElse(org.getCityCode()),
                (org, text) -> {
                    Optional<City> city = cities.stream().filter(c -> matches(text, c.code(), c.nameZh(), c.nameEn())).findFirst();
                    org.setCityCode(city.map(City::code).orElse(null));
                    return city.isPresent() || text.isEmpty() ? Optional.empty()
                            : Optional.of(new Problem("organisation.import.unknownValue", "organisation.city", text));
                }));
        columns.add(new Column("type", "organisation.type", true,
                org -> Messages.get(locale, "organisation.type." + org.getType().name()),
                (org, text) -> {
                    Optional<OrganisationType> type = java.util.Arrays.stream(OrganisationType.values())
                            .filter(t -> matches(text, t.name(), label(Messages.CHINESE, "organisation.type." + t.name()),
                                    label(Messages.ENGLISH, "organisation.type." + t.name())))
                            .findFirst();
                    org.setType(type.orElse(null));
                    return type.isPresent() || text.isEmpty() ? Optional.empty()
                            : Optional.of(new Problem("organisation.import.unknownValue", "organisation.type", text));
                }));
        columns.add(new Column("rating", "organisation.rating", false,
                org -> org.getRating() == 0 ? Messages.get(locale, "organisation.rating.none") : org.getRating() + "A",
                (org, text) -> {
                    Integer rating = rating(text);
                    if (rating == null) {
                        return Optional.of(new Problem("organisation.import.rating", text));
                    }
                    org.setRating(rating);
                    return Optional.empty();
                }));
        columns.add(new Column("groupMember", "organisation.groupMember", false,
                org -> Messages.get(locale, "organisation.groupMember." + org.getGroupMember().name()),
                (org, text) -> {
                    if (text.isEmpty() || matches(text, "无", "none")) {
                        org.setGroupMember(GroupMembership.NONE);
                        return Optional.empty();
                    }
                    Optional<GroupMembership> member = java.util.Arrays.stream(GroupMembership.values())
                            .filter(g -> matches(text, g.name(), label(Messages.CHINESE, "organisation.groupMember." + g.name()),
                                    label(Messages.ENGLISH, "organisation.groupMember." + g.name())))
                            .findFirst();
                    member.ifPresent(org::setGroupMember);
                    return member.isPresent() ? Optional.empty()
                            : Optional.of(new Problem("organisation.import.unknownValue", "organisation.groupMember", text));
                }));
        columns.add(text("secretaryGeneral", Organisation::getSecretaryGeneral, Organisation::setSecretaryGeneral));
        columns.add(text("contactName", Organisation::getContactName, Organisation::setContactName));
        columns.add(text("contactPhone", Organisation::getContactPhone, Organisation::setContactPhone));
        for (String fact : FACTS) {
            columns.add(fact(locale, fact));
        }
        return columns;
    }

    /** The export of the register (and the template's columns): every column as text, as the import reads it. */
    static ExcelTable<Organisation> table(List<Column> columns, Locale locale, String title, String subtitle) {
        ExcelTable<Organisation> table = ExcelTable.<Organisation>titled(title).subtitle(subtitle);
        for (Column column : columns) {
            table.text(column.header(locale), column.write());
        }
        return table;
    }

    private static Column text(String field, Function<Organisation, String> get, BiConsumer<Organisation, String> set) {
        return new Column(field, "organisation." + field, false, get, (org, text) -> {
            set.accept(org, text.isEmpty() ? null : text);
            return Optional.empty();
        });
    }

    private static Column fact(Locale locale, String fact) {
        Function<Organisation, Boolean> get = switch (fact) {
            case "managementStandard" -> Organisation::isManagementStandard;
            case "hasSecretary" -> Organisation::isHasSecretary;
            case "financeSound" -> Organisation::isFinanceSound;
            case "independentBankAccount" -> Organisation::isIndependentBankAccount;
            case "dedicatedFinanceStaff" -> Organisation::isDedicatedFinanceStaff;
            case "hasPartyBranch" -> Organisation::isHasPartyBranch;
            case "hasWebsiteAndMemberDb" -> Organisation::isHasWebsiteAndMemberDb;
            case "registeredInProvince" -> Organisation::isRegisteredInProvince;
            case "independentLegalPerson" -> Organisation::isIndependentLegalPerson;
            case "aboveScaleOrHighTech" -> Organisation::isAboveScaleOrHighTech;
            case "hasRdTeam" -> Organisation::isHasRdTeam;
            default -> Organisation::isHasStation;
        };
        BiConsumer<Organisation, Boolean> set = switch (fact) {
            case "managementStandard" -> Organisation::setManagementStandard;
            case "hasSecretary" -> Organisation::setHasSecretary;
            case "financeSound" -> Organisation::setFinanceSound;
            case "independentBankAccount" -> Organisation::setIndependentBankAccount;
            case "dedicatedFinanceStaff" -> Organisation::setDedicatedFinanceStaff;
            case "hasPartyBranch" -> Organisation::setHasPartyBranch;
            case "hasWebsiteAndMemberDb" -> Organisation::setHasWebsiteAndMemberDb;
            case "registeredInProvince" -> Organisation::setRegisteredInProvince;
            case "independentLegalPerson" -> Organisation::setIndependentLegalPerson;
            case "aboveScaleOrHighTech" -> Organisation::setAboveScaleOrHighTech;
            case "hasRdTeam" -> Organisation::setHasRdTeam;
            default -> Organisation::setHasStation;
        };
        String key = "organisation.fact." + fact;
        return new Column("fact." + fact, key, false,
                org -> Messages.get(locale, get.apply(org) ? "common.yes" : "common.no"),
                (org, text) -> {
                    Boolean value = yesNo(text);
                    if (value == null) {
                        return Optional.of(new Problem("organisation.import.yesNo", key, text));
                    }
                    set.accept(org, value);
                    return Optional.empty();
                });
    }

    /**
     * The field a problem is about ({@code city}, {@code fact.hasStation}, {@code person}), so that a value
     * the sheet could not read is not reported a second time by the edit view's rules as missing.
     */
    static String fieldOf(Problem problem) {
        String key = problem.key();
        if (key.startsWith("organisation.error.")) {
            return switch (key.substring("organisation.error.".length())) {
                case "code", "codeTaken" -> "code";
                case "phone" -> "contactPhone";
                case "personName" -> "person";
                default -> key.substring("organisation.error.".length());
            };
        }
        if (key.equals("organisation.import.rating")) {
            return "rating";
        }
        Object first = problem.args() == null || problem.args().length == 0 ? null : problem.args()[0];
        if (first instanceof String label && label.startsWith("organisation.")) {
            String field = label.substring("organisation.".length());
            return field.equals("secretaryGeneral") || field.equals("contactName") ? "person" : field;
        }
        return key;
    }

    /** 是/否 in either language; an empty cell is 否; anything else is null. */
    static Boolean yesNo(String text) {
        if (text.isEmpty()) {
            return false;
        }
        Predicate<String> is = text::equalsIgnoreCase;
        if (is.test("是") || is.test("yes") || is.test("y") || is.test("true") || is.test("1") || is.test("√") || is.test("有")) {
            return true;
        }
        if (is.test("否") || is.test("no") || is.test("n") || is.test("false") || is.test("0") || is.test("×") || is.test("无")) {
            return false;
        }
        return null;
    }

    /** 未评估 / empty / 0 → 0; 1A-5A or 1-5 → the number; anything else → null. */
    static Integer rating(String text) {
        String t = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("0") || matches(text, label(Messages.CHINESE, "organisation.rating.none"),
                label(Messages.ENGLISH, "organisation.rating.none"))) {
            return 0;
        }
        if (t.matches("[1-5]A?")) {
            return t.charAt(0) - '0';
        }
        return null;
    }

    private static boolean matches(String text, String... candidates) {
        String t = text.replaceAll("\\s+", "");
        for (String candidate : candidates) {
            if (candidate != null && t.equalsIgnoreCase(candidate.replaceAll("\\s+", ""))) {
                return true;
            }
        }
        return false;
    }

    private static String label(Locale locale, String key) {
        return Messages.get(locale, key);
    }
}
