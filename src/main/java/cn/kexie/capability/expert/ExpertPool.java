package cn.kexie.capability.expert;

import cn.kexie.capability.common.PersonName;
import cn.kexie.capability.common.UserError;
import cn.kexie.capability.common.UserError.Problem;
import cn.kexie.capability.security.CityScope;
import cn.kexie.capability.security.CurrentUser;
import cn.kexie.capability.security.Roles;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert pool (专家库): a profile for each user of the engine's expert group — specialties
 * (专业领域), affiliation (工作单位: an organisation of the register, or free text), title (职称), the
 * cities the expert serves and whether he is in the pool now (active) or paused. Who may log in and
 * in which cities (the engine tenants of his account) stays with the account: the pool serves an
 * expert only in cities his account works for, and the draw ({@code review.PanelDraw}) asks both.
 *
 * <p>The programme office and administrators read and edit it, city by city: an office sees the
 * experts whose account works for one of its cities, sees and changes only its own cities of a
 * profile's cities served, and leaves the others as they are.
 */
@Service
public class ExpertPool {

    static final int MAX_SPECIALTIES = 10;
    static final int MAX_SPECIALTY = 60;
    static final int MAX_TITLE = 100;
    static final int MAX_AFFILIATION = 200;

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final CurrentUser currentUser;
    private final cn.kexie.capability.programme.ProgrammeCatalogue catalogue;

    ExpertPool(JdbcClient jdbc, IdentityService identityService, CurrentUser currentUser,
            cn.kexie.capability.programme.ProgrammeCatalogue catalogue) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.currentUser = currentUser;
    }

    /**
     * An expert as the pool shows him to the caller: {@code cities} are those of the caller's cities
     * that he serves; {@code filed} is false while nobody has written his profile yet.
     */
    public record Profile(String expertId, String name, String title, Long affiliationOrgId, String affiliationName,
            String affiliationText, List<String> specialties, Set<String> cities, boolean active, boolean filed) {

        /** 工作单位 as shown: the register's name, else the free text. */
        public String affiliation() {
            return affiliationName != null ? affiliationName : affiliationText == null ? "" : affiliationText;
        }
    }

    /** A profile as the office writes it; {@code cities} are the caller's cities the expert serves. */
    public record Edit(String expertId, String title, Long affiliationOrgId, String affiliationText,
            List<String> specialties, Set<String> cities, boolean active) {
    }

    /** An expert the draw may take: active, serving the city, whose account works there. */
    public record Member(String expertId, String name, Long affiliationOrgId, Set<String> specialties) {
    }

    // ------------------------------------------------------------------ reading

    /**
     * The experts of the caller's cities with their profiles, by name; with {@code specialty} only
     * those with a specialty containing it (ignoring case and spaces).
     */
    @Transactional(readOnly = true)
    public List<Profile> list(String specialty) {
        requireEditor();
        CityScope scope = currentUser.cities();
        List<User> experts = visibleExperts(scope);
        Map<String, Profile> profiles = profiles(experts.stream().map(User::getId).toList(), scope);
        String wanted = normalise(specialty);
        List<Profile> result = new ArrayList<>();
        for (User u : experts) {
            Profile p = profiles.getOrDefault(u.getId(), new Profile(u.getId(), PersonName.of(u), null, null, null, null,
                    List.of(), Set.of(), false, false));
            p = new Profile(p.expertId(), PersonName.of(u), p.title(), p.affiliationOrgId(), p.affiliationName(),
                    p.affiliationText(), p.specialties(), p.cities(), p.active(), p.filed());
            if (wanted.isEmpty() || p.specialties().stream().anyMatch(s -> normalise(s).contains(wanted))) {
                result.add(p);
            }
        }
        result.sort(java.util.Comparator.comparing(Profile::name, java.text.Collator.getInstance(Locale.CHINESE))
                .thenComparing(Profile::expertId));
        return result;
    }

    /** One expert's profile, for the office of a city his account works for. */
    @Transactional(readOnly = true)
    public Profile profile(String expertId) {
        return list(null).stream().filter(p -> p.expertId().equals(expertId)).findFirst()
                .orElseThrow(() -> new AccessDeniedException("expert " + expertId + " is not of the caller's cities"));
    }

    /** The specialties of the pool in the caller's cities, for choosing a draw's criteria. */
    @Transactional(readOnly = true)
    public List<String> specialties() {
        return list(null).stream().flatMap(p -> p.specialties().stream()).collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }

    /**
     * The members a draw for {@code city} may take: active, serving the city, in the expert group and
     * whose account works for the city. For the programme office of that city (the draw checks the
     * application and the task itself).
     */
    @Transactional(readOnly = true)
    public List<Member> members(String city) {
        requireEditor();
        if (!currentUser.cities().includes(city)) {
            throw new AccessDeniedException("expert pool of " + city);
        }
        Set<String> experts = identityService.createUserQuery().memberOfGroup(Roles.EXPERT).list().stream()
                .map(User::getId).collect(Collectors.toSet());
        Map<String, User> ofCity = identityService.createUserQuery().memberOfTenant(city).list().stream()
                .filter(u -> experts.contains(u.getId())).collect(Collectors.toMap(User::getId, u -> u));
        Map<String, Member> members = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select p.expert_id, p.affiliation_org_id, s.specialty
                from expert_profile p
                join expert_city c on c.expert_id = p.expert_id and c.city_code = ?
                left join expert_specialty s on s.expert_id = p.expert_id
                where p.active = ? order by p.expert_id, s.specialty""").params(city, true)
                .query((rs, n) -> {
                    String id = rs.getString(1);
                    User u = ofCity.get(id);
                    if (u != null) {
                        long org = rs.getLong(2);
                        Long orgId = rs.wasNull() ? null : org;
                        Member m = members.computeIfAbsent(id, k -> new Member(id, PersonName.of(u), orgId, new TreeSet<>()));
                        if (rs.getString(3) != null) {
                            m.specialties().add(rs.getString(3));
                        }
                    }
                    return id;
                }).list();
        return List.copyOf(members.values());
    }

    /** The experts whose profile names the organisation as their 工作单位 (they stand aside, 回避). */
    @Transactional(readOnly = true)
    public Set<String> affiliatedWith(long organisationId) {
        return Set.copyOf(jdbc.sql("select expert_id from expert_profile where affiliation_org_id = ?")
                .param(organisationId).query(String.class).list());
    }

    // ------------------------------------------------------------------ writing

    /** Writes an expert's profile; every problem at once, nothing written if there is any. */
    @Transactional
    public void save(Edit edit) {
        requireEditor();
        CityScope scope = currentUser.cities();
        if (edit == null || edit.expertId() == null
                || visibleExperts(scope).stream().noneMatch(u -> u.getId().equals(edit.expertId()))) {
            throw new AccessDeniedException("expert " + (edit == null ? null : edit.expertId()) + " is not of the caller's cities");
        }
        List<Problem> problems = new ArrayList<>();
        List<String> specialties = cleanSpecialties(edit.specialties(), problems);
        String title = trimToNull(edit.title());
        if (title != null && title.length() > MAX_TITLE) {
            problems.add(new Problem("expert.error.title", MAX_TITLE));
        }
        String affiliationText = trimToNull(edit.affiliationText());
        if (edit.affiliationOrgId() != null) {
            affiliationText = null;
            if (jdbc.sql("select count(*) from organisation where id = ?").param(edit.affiliationOrgId())
                    .query(Integer.class).single() == 0) {
                problems.add(new Problem("expert.error.organisation"));
            }
        } else if (affiliationText == null) {
            problems.add(new Problem("expert.error.affiliation"));
        } else if (affiliationText.length() > MAX_AFFILIATION) {
            problems.add(new Problem("expert.error.affiliationLength", MAX_AFFILIATION));
        }
        Set<String> cities = edit.cities() == null ? Set.of() : Set.copyOf(edit.cities());
        Set<String> accountCities = currentUser.citiesOf(edit.expertId()).cities();
        for (String city : new TreeSet<>(cities)) {
            if (!scope.includes(city)) {
                throw new AccessDeniedException("city " + city + " is not the caller's");
            }
            if (!accountCities.contains(city)) {
                problems.add(new Problem("expert.error.cityOfAccount", catalogue.cities().stream()
                        .filter(c -> c.code().equals(city)).map(cn.kexie.capability.programme.City::nameZh).findFirst().orElse(city)));
            }
        }
        UserError.throwIfAny(problems);

        String me = currentUser.requireId();
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.sql("""
                update expert_profile set title = ?, affiliation_org_id = ?, affiliation_text = ?, active = ?,
                    updated_by = ?, updated_at = ? where expert_id = ?""")
                .params(title, edit.affiliationOrgId(), affiliationText, edit.active(), me, now, edit.expertId()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into expert_profile (expert_id, title, affiliation_org_id, affiliation_text, active, updated_by, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(edit.expertId(), title, edit.affiliationOrgId(), affiliationText, edit.active(), me, now).update();
        }
        jdbc.sql("delete from expert_specialty where expert_id = ?").param(edit.expertId()).update();
        for (String s : specialties) {
            jdbc.sql("insert into expert_specialty (expert_id, specialty) values (?, ?)").params(edit.expertId(), s).update();
        }
        // only the caller's cities change: another city's office keeps its own
        if (scope.all()) {
            jdbc.sql("delete from expert_city where expert_id = ?").param(edit.expertId()).update();
        } else {
            for (String city : scope.cities()) {
                jdbc.sql("delete from expert_city where expert_id = ? and city_code = ?").params(edit.expertId(), city).update();
            }
        }
        for (String city : new TreeSet<>(cities)) {
            jdbc.sql("insert into expert_city (expert_id, city_code) values (?, ?)").params(edit.expertId(), city).update();
        }
    }

    /**
     * Start-up data only (demo data): files a profile for an expert who has none, active, serving
     * {@code cities}; an expert with a profile is left as the office keeps it. Not for people: it
     * checks no caller.
     */
    @Transactional
    public void ensureProfile(String expertId, String title, String affiliationOrgCode, String affiliationText,
            List<String> specialties, Collection<String> cities) {
        if (jdbc.sql("select count(*) from expert_profile where expert_id = ?").param(expertId).query(Integer.class).single() > 0) {
            return;
        }
        Long orgId = affiliationOrgCode == null ? null
                : jdbc.sql("select id from organisation where code = ?").param(affiliationOrgCode).query(Long.class)
                        .optional().orElse(null);
        jdbc.sql("""
                insert into expert_profile (expert_id, title, affiliation_org_id, affiliation_text, active, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(expertId, title, orgId, orgId == null ? affiliationText : null, true, "system",
                        Timestamp.from(Instant.now())).update();
        for (String s : new LinkedHashSet<>(specialties)) {
            jdbc.sql("insert into expert_specialty (expert_id, specialty) values (?, ?)").params(expertId, s).update();
        }
        for (String city : new TreeSet<>(cities)) {
            jdbc.sql("insert into expert_city (expert_id, city_code) values (?, ?)").params(expertId, city).update();
        }
    }

    // ------------------------------------------------------------------ helpers

    private void requireEditor() {
        if (!currentUser.hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.ADMIN)) {
            throw new AccessDeniedException("expert pool: programme office and administrators only");
        }
    }

    /** The expert group's users whose account works for one of the caller's cities (every expert for all cities). */
    private List<User> visibleExperts(CityScope scope) {
        List<User> experts = identityService.createUserQuery().memberOfGroup(Roles.EXPERT).orderByUserId().asc().list();
        if (scope.all()) {
            return experts;
        }
        Set<String> ofMyCities = new java.util.HashSet<>();
        for (String city : scope.cities()) {
            identityService.createUserQuery().memberOfTenant(city).list().forEach(u -> ofMyCities.add(u.getId()));
        }
        return experts.stream().filter(u -> ofMyCities.contains(u.getId())).toList();
    }

    private Map<String, Profile> profiles(List<String> ids, CityScope scope) {
        Map<String, Profile> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        Map<String, List<String>> specialties = new HashMap<>();
        jdbc.sql("select expert_id, specialty from expert_specialty order by expert_id, specialty")
                .query((rs, n) -> specialties.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        Map<String, Set<String>> cities = new HashMap<>();
        jdbc.sql("select expert_id, city_code from expert_city")
                .query((rs, n) -> scope.includes(rs.getString(2))
                        && cities.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2)))
                .list();
        Set<String> wanted = Set.copyOf(ids);
        jdbc.sql("""
                select p.expert_id, p.title, p.affiliation_org_id, o.name, p.affiliation_text, p.active
                from expert_profile p left join organisation o on o.id = p.affiliation_org_id""")
                .query((rs, n) -> {
                    String id = rs.getString(1);
                    if (wanted.contains(id)) {
                        long org = rs.getLong(3);
                        Long orgId = rs.wasNull() ? null : org;
                        result.put(id, new Profile(id, id, rs.getString(2), orgId, rs.getString(4), rs.getString(5),
                                List.copyOf(specialties.getOrDefault(id, List.of())),
                                Set.copyOf(cities.getOrDefault(id, Set.of())), rs.getBoolean(6), true));
                    }
                    return id;
                }).list();
        return result;
    }

    private static List<String> cleanSpecialties(List<String> given, List<Problem> problems) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        if (given != null) {
            for (String s : given) {
                String t = trimToNull(s);
                if (t == null) {
                    continue;
                }
                if (t.length() > MAX_SPECIALTY || t.contains(",") || t.contains("，")) {
                    problems.add(new Problem("expert.error.specialty", t, MAX_SPECIALTY));
                } else {
                    result.add(t);
                }
            }
        }
        if (result.isEmpty()) {
            problems.add(new Problem("expert.error.specialtyRequired"));
        } else if (result.size() > MAX_SPECIALTIES) {
            problems.add(new Problem("expert.error.specialties", MAX_SPECIALTIES));
        }
        return List.copyOf(result);
    }

    /** Splits 专业领域 as typed: separated by 、，, ; ； or line breaks. */
    public static List<String> split(String typed) {
        if (typed == null) {
            return List.of();
        }
        return java.util.Arrays.stream(typed.split("[、，,;；\\n]")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    private static String normalise(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
