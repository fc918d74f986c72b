package cn.kexie.capability.organisation;

import cn.kexie.capability.common.InputHygiene;
import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.excel.ExcelImportFile;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.excel.ExcelWorkbook;
import cn.kexie.capability.programme.City;
import cn.kexie.capability.programme.ProgrammeCatalogue;
import cn.kexie.capability.security.CityScope;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's Excel import, for the programme office and administrators: one row per organisation
 * (the columns of {@link RegisterSheet}). A row whose code the register has (letter case aside)
 * updates that organisation's columns in the file, keeping its yearly records and any column the file
 * leaves out; a row with a new code creates an organisation. Every row is checked as the edit view
 * checks one ({@link OrganisationService#validate}), and besides: the organisation must be, and stay,
 * of the importer's cities (a code of another city's organisation is taken, as in the edit view); a
 * code may appear once in the file; the template's example row must be replaced. Every problem of
 * every row is reported at once as 第N行：…, and nothing is saved unless every row is right; then all
 * rows are saved in one transaction, each through {@link OrganisationService#save}.
 */
@Service
public class OrganisationImport {

    /** Rows one file may hold. */
    static final int MAX_ROWS = 2000;
    /** The code of the template's example row, refused if it is left in. */
    static final String EXAMPLE_CODE = "EXAMPLE-01";

    private final OrganisationService organisations;
    private final OrganisationRepository repository;
    private final ProgrammeCatalogue catalogue;
    private final CurrentUser currentUser;

    OrganisationImport(OrganisationService organisations, OrganisationRepository repository, ProgrammeCatalogue catalogue,
            CurrentUser currentUser) {
        this.organisations = organisations;
        this.repository = repository;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
    }

    /** What an import did: organisations created, updated, and rows that changed nothing. */
    public record Result(int created, int updated, int unchanged) {
    }

    /** Reads, checks and saves the workbook; refuses it whole, with every problem, if anything is wrong. */
    @Transactional
    public Result importWorkbook(byte[] content, String fileName) {
        requireEditor();
        CityScope scope = currentUser.cities();
        List<City> cities = catalogue.cities();
        List<RegisterSheet.Column> columns = RegisterSheet.columns(Messages.CHINESE, cities);
        RegisterSheet.Column codeColumn = columns.get(0);
        ExcelImportFile.Table table = ExcelImportFile.read(content, fileName,
                Set.of(codeColumn.header(Messages.CHINESE), codeColumn.header(Messages.ENGLISH)), MAX_ROWS);

        // the file's headers: each a column of the sheet, once; the required ones there
        List<Problem> problems = new ArrayList<>();
        Map<RegisterSheet.Column, String> present = new LinkedHashMap<>();
        for (String header : table.headers()) {
            Optional<RegisterSheet.Column> column = columns.stream().filter(c -> c.named(header)).findFirst();
            if (column.isEmpty()) {
                problems.add(new Problem("organisation.import.unknownHeader", header));
            } else if (present.putIfAbsent(column.get(), header) != null) {
                problems.add(new Problem("organisation.import.duplicateHeader", header));
            }
        }
        for (RegisterSheet.Column column : columns) {
            if (column.required() && !present.containsKey(column)) {
                problems.add(new Problem("organisation.import.missingHeader", column.key()));
            }
        }
        UserError.throwIfAny(problems);
        if (table.rows().isEmpty()) {
            throw new UserError("organisation.import.noRows", fileName == null ? "" : fileName);
        }

        Map<String, Integer> firstRowOfCode = new HashMap<>();
        List<Organisation> toSave = new ArrayList<>();
        int unchanged = 0;
        for (ExcelImportFile.ImportedRow row : table.rows()) {
            List<Problem> found = new ArrayList<>();
            String code = row.get(present.get(codeColumn)).trim();
            Organisation org = new Organisation();
            boolean existing = false;
            if (EXAMPLE_CODE.equalsIgnoreCase(code)) {
                found.add(new Problem("organisation.import.exampleRow", EXAMPLE_CODE));
            } else if (!code.isEmpty()) {
                Integer first = firstRowOfCode.putIfAbsent(code.toLowerCase(Locale.ROOT), row.number());
                if (first != null) {
                    found.add(new Problem("organisation.import.duplicateCode", code, first));
                }
                Optional<Organisation> stored = repository.findByCode(code);
                if (stored.isPresent() && !scope.includes(stored.get().getCityCode())) {
                    // as in the edit view: the code is taken, by an organisation this user does not see
                    found.add(new Problem("organisation.error.codeTaken", code));
                } else if (stored.isPresent()) {
                    org = stored.get();
                    existing = true;
                }
            }
            Map<String, String> before = existing ? written(columns, org) : Map.of();
            for (Map.Entry<RegisterSheet.Column, String> entry : present.entrySet()) {
                RegisterSheet.Column column = entry.getKey();
                String text = row.get(entry.getValue());
                Optional<Problem> unclean = InputHygiene.problem("organisation", column.field(), text);
                if (unclean.isPresent()) {
                    found.add(unclean.get());
                    continue;
                }
                column.read().read(org, text.trim()).ifPresent(found::add);
            }
            if (existing && org.getCode() != null && org.getCode().equalsIgnoreCase(code)) {
                // the code found the organisation: its letter case in the file changes nothing
                org.setCode(repository.findByCode(code).map(Organisation::getCode).orElse(code));
            }
            String cityCode = org.getCityCode();
            if (cityCode != null && !scope.includes(cityCode)) {
                String city = cities.stream().filter(c -> c.code().equals(cityCode)).findFirst()
                        .map(City::nameZh).orElse(cityCode);
                found.add(new Problem("organisation.import.cityNotYours", city));
            }
            if (found.stream().noneMatch(p -> p.key().equals("organisation.error.codeTaken"))) {
                Set<String> reported = found.stream().map(RegisterSheet::fieldOf).collect(Collectors.toSet());
                // a value the sheet could not read is reported once, not again as missing
                organisations.validate(org).stream().filter(p -> !reported.contains(RegisterSheet.fieldOf(p)))
                        .forEach(found::add);
            }
            for (Problem p : found) {
                problems.add(new Problem("excel.import.row", row.number(), p));
            }
            if (found.isEmpty()) {
                if (existing && before.equals(written(columns, org))) {
                    unchanged++;
                } else {
                    toSave.add(org);
                }
            }
        }
        UserError.throwIfAny(problems);

        int created = 0;
        for (Organisation org : toSave) {
            if (org.getId() == null) {
                created++;
            }
            organisations.save(org);
        }
        return new Result(created, toSave.size() - created, unchanged);
    }

    /** The template: the sheet's headers in the language, one example row of the user's first city, and a sheet of what each column takes. */
    @Transactional(readOnly = true)
    public void template(ExcelWorkbook workbook) {
        requireEditor();
        Locale locale = workbook.locale();
        List<City> cities = catalogue.cities();
        List<City> mine = catalogue.myCities();
        List<RegisterSheet.Column> columns = RegisterSheet.columns(locale, cities);
        Organisation example = new Organisation();
        example.setCode(EXAMPLE_CODE);
        example.setName(Messages.get(locale, "organisation.import.exampleName"));
        example.setCityCode(mine.isEmpty() ? null : mine.get(0).code());
        example.setType(OrganisationType.MUNICIPAL_SOCIETY);
        example.setRating(3);
        example.setSecretaryGeneral(Messages.get(locale, "organisation.import.exampleSecretary"));
        example.setContactName(Messages.get(locale, "organisation.import.exampleContact"));
        example.setContactPhone("0735-2345678");
        example.setManagementStandard(true);
        example.setHasSecretary(true);
        example.setFinanceSound(true);
        example.setIndependentBankAccount(true);
        example.setDedicatedFinanceStaff(true);
        example.setHasPartyBranch(true);
        workbook.sheet(RegisterSheet.table(columns, locale, Messages.get(locale, "organisation.import.templateTitle"),
                Messages.get(locale, "organisation.import.templateHelp", EXAMPLE_CODE)), List.of(example));

        record Rule(String column, String takes) {
        }
        String sep = Messages.isEnglish(locale) ? ", " : "、";
        List<Rule> rules = new ArrayList<>();
        for (RegisterSheet.Column column : columns) {
            String takes = switch (column.field()) {
                case "code" -> Messages.get(locale, "organisation.code.help") + " " + Messages.get(locale, "organisation.import.rule.code");
                case "name" -> Messages.get(locale, "organisation.import.rule.name");
                case "city" -> mine.stream().map(c -> c.name(locale)).collect(Collectors.joining(sep));
                case "type" -> java.util.Arrays.stream(OrganisationType.values())
                        .map(t -> Messages.get(locale, "organisation.type." + t.name())).collect(Collectors.joining(sep));
                case "rating" -> Messages.get(locale, "organisation.rating.none") + sep + "1A" + sep + "2A" + sep + "3A" + sep
                        + "4A" + sep + "5A";
                case "groupMember" -> java.util.Arrays.stream(GroupMembership.values())
                        .map(g -> Messages.get(locale, "organisation.groupMember." + g.name())).collect(Collectors.joining(sep));
                case "contactPhone" -> Messages.get(locale, "organisation.import.rule.phone");
                case "secretaryGeneral", "contactName" -> Messages.get(locale, "organisation.import.rule.person");
                default -> Messages.get(locale, "organisation.import.rule.yesNo");
            };
            rules.add(new Rule(column.header(locale) + (column.required() ? " *" : ""), takes));
        }
        workbook.sheet(Messages.get(locale, "organisation.import.rulesSheet"),
                ExcelTable.<Rule>titled(Messages.get(locale, "organisation.import.rulesTitle"))
                        .subtitle(Messages.get(locale, "organisation.import.rulesHelp"))
                        .text(Messages.get(locale, "organisation.import.rule.column"), Rule::column)
                        .text(Messages.get(locale, "organisation.import.rule.takes"), Rule::takes),
                rules);
    }

    /** The organisation as the sheet writes it, to tell an unchanged row. */
    private static Map<String, String> written(List<RegisterSheet.Column> columns, Organisation org) {
        Map<String, String> values = new HashMap<>();
        for (RegisterSheet.Column column : columns) {
            values.put(column.field(), org.getType() == null && column.field().equals("type") ? "" : column.write().apply(org));
        }
        return values;
    }

    private void requireEditor() {
        if (!currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN)) {
            throw new AccessDeniedException("organisation.error.forbidden");
        }
    }
}
