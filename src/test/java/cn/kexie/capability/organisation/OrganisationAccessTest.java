package cn.kexie.capability.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.common.UserError;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.security.Principal;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The register: who may read and change what, and what a refused save leaves behind (nothing). */
@PlatformTest
class OrganisationAccessTest {

    @Autowired
    OrganisationService service;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    private long idOf(String code) {
        return AsUser.call(identity, "office", () -> service.findByCode(code).orElseThrow().getId());
    }

    @Test
    void anApplicantReadsItsOwnOrganisation() {
        long own = idOf("CZ-MED");
        Organisation org = AsUser.call(identity, "cz-med", () -> service.get(own));
        assertThat(org.getName()).isEqualTo("郴州市医学会");
        assertThat(AsUser.call(identity, "cz-med", () -> service.mine()).orElseThrow().getCode()).isEqualTo("CZ-MED");
    }

    @Test
    void anApplicantCannotReadAnotherOrganisationWhateverIdItSends() {
        for (String other : new String[] {"XZ-MECH", "CZ-AGRI", "CD-MED"}) {
            long id = idOf(other);
            assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> service.get(id)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> service.search(null, null, 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anApplicantCannotChangeAnyOrganisation() {
        long own = idOf("CZ-MED");
        Organisation org = AsUser.call(identity, "office", () -> service.get(own));
        org.setRating(5);
        assertThatThrownBy(() -> AsUser.run(identity, "cz-med", () -> service.save(org)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(AsUser.call(identity, "office", () -> service.get(own)).getRating()).isEqualTo(4);
    }

    @Test
    void theRegisterViewsAreClosedToApplicants() {
        var checker = new AccessAnnotationChecker();
        Principal applicant = () -> "cz-med";
        assertThat(checker.hasAccess(OrganisationListView.class, applicant, Set.of("applicant")::contains)).isFalse();
        assertThat(checker.hasAccess(OrganisationEditView.class, applicant, Set.of("applicant")::contains)).isFalse();
        assertThat(checker.hasAccess(MyOrganisationView.class, applicant, Set.of("applicant")::contains)).isTrue();
        assertThat(checker.hasAccess(OrganisationEditView.class, () -> "office", Set.of("programme-office")::contains)).isTrue();
        assertThat(checker.hasAccess(MyOrganisationView.class, () -> "office", Set.of("programme-office")::contains)).isFalse();
    }

    @Test
    void theOfficeSavesAnOrganisationWithItsYearlyRecords() {
        Organisation org = new Organisation();
        org.setCode("T-SAVE-1");
        org.setName("测试学会");
        org.setCityCode("CHENZHOU");
        org.setType(OrganisationType.MUNICIPAL_SOCIETY);
        org.setRating(3);
        org.setInspections(java.util.List.of(new Organisation.YearResult(2024, true), new Organisation.YearResult(2025, true)));
        org.setCommendations(java.util.List.of(new Organisation.Commendation(2023, "MUNICIPAL", "先进学会")));
        Organisation saved = AsUser.call(identity, "office", () -> service.save(org));
        assertThat(saved.getId()).isNotNull();
        assertThat(saved.getInspections()).hasSize(2);
        var facts = OrganisationFacts.of(saved, 2026, "CHENZHOU");
        assertThat(facts).containsEntry("inspectionPassedTwoYears", true).containsEntry("commendedWithinFiveYears", true);
        assertThat(OrganisationFacts.of(saved, 2027, "CHENZHOU")).containsEntry("inspectionPassedTwoYears", false);
    }

    @Test
    void aRefusedSaveNamesEveryProblemAndSavesNothing() {
        Organisation org = new Organisation();
        org.setCode("x");
        org.setName(" ");
        org.setCityCode("ATLANTIS");
        org.setRating(7);
        org.setContactPhone("call me");
        org.setInspections(java.util.List.of(new Organisation.YearResult(2024, true), new Organisation.YearResult(2024, false)));
        int before = jdbc.sql("select count(*) from organisation").query(Integer.class).single();
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> service.save(org)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.problems()).extracting(UserError.Problem::key)
                        .containsExactlyInAnyOrder("organisation.error.code", "organisation.error.name",
                                "organisation.error.city", "organisation.error.rating", "organisation.error.phone",
                                "organisation.error.duplicateYear.inspection"));
        assertThat(jdbc.sql("select count(*) from organisation").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aStaleEditIsRefused() {
        long id = idOf("CD-ELEC");
        Organisation first = AsUser.call(identity, "office", () -> service.get(id));
        Organisation second = AsUser.call(identity, "office", () -> service.get(id));
        first.setContactName("甲");
        AsUser.run(identity, "office", () -> service.save(first));
        second.setContactName("乙");
        assertThatThrownBy(() -> AsUser.run(identity, "office", () -> service.save(second)))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("common.error.changedMeanwhile"));
        assertThat(AsUser.call(identity, "office", () -> service.get(id)).getContactName()).isEqualTo("甲");
    }

    // ------------------------------------------------------------------ cities

    @Test
    void xuzhousOfficeListsAndCountsXuzhousOrganisationsOnly() {
        int xuzhou = jdbc.sql("select count(*) from organisation where city_code = 'XUZHOU'").query(Integer.class).single();
        java.util.List<Organisation> seen = AsUser.call(identity, "office-xz", () -> service.search(null, null, 0, 10_000));
        assertThat(seen).extracting(Organisation::getCityCode).containsOnly("XUZHOU");
        assertThat(seen).extracting(Organisation::getCode).contains("XZ-MECH").doesNotContain("CZ-MED", "CD-MED");
        assertThat(seen).hasSize(xuzhou);
        assertThat(AsUser.call(identity, "office-xz", () -> service.count(null, null))).isEqualTo(xuzhou);
        // naming another city, or another city's society, finds nothing
        assertThat(AsUser.call(identity, "office-xz", () -> service.search("CHENZHOU", null, 0, 100))).isEmpty();
        assertThat(AsUser.call(identity, "office-xz", () -> service.count("CHENZHOU", "医学会"))).isZero();
        assertThat(AsUser.call(identity, "office", () -> service.search(null, "郴州市医学会", 0, 100)))
                .extracting(Organisation::getCode).containsExactly("CZ-MED");
    }

    @Test
    void anotherCitysOrganisationIsNeitherReadNorChangedByXuzhousOffice() {
        long chenzhou = idOf("CZ-MED");
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> service.get(chenzhou)))
                .isInstanceOf(AccessDeniedException.class);

        Organisation czMed = AsUser.call(identity, "office", () -> service.get(chenzhou));
        czMed.setContactName("徐州改的");
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> service.save(czMed)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(AsUser.call(identity, "office", () -> service.get(chenzhou)).getContactName()).isNotEqualTo("徐州改的");

        // nor moves one of its own societies to another city, nor registers one there
        long psci = idOf("XZ-PSCI");
        Organisation moved = AsUser.call(identity, "office-xz", () -> service.get(psci));
        moved.setCityCode("CHENZHOU");
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> service.save(moved)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(AsUser.call(identity, "office", () -> service.get(psci)).getCityCode()).isEqualTo("XUZHOU");
        Organisation elsewhere = new Organisation();
        elsewhere.setCode("T-CITY-CZ");
        elsewhere.setName("郴州的新学会");
        elsewhere.setCityCode("CHENZHOU");
        elsewhere.setType(OrganisationType.MUNICIPAL_SOCIETY);
        assertThatThrownBy(() -> AsUser.run(identity, "office-xz", () -> service.save(elsewhere)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.findByCode("T-CITY-CZ")).isEmpty();

        // its own city's society it reads and changes
        Organisation own = AsUser.call(identity, "office-xz", () -> service.get(psci));
        own.setContactName("徐州联系人");
        assertThat(AsUser.call(identity, "office-xz", () -> service.save(own)).getContactName()).isEqualTo("徐州联系人");
    }

    @Test
    void rolesWithoutTheRegisterDoNotReadIt() {
        long chenzhou = idOf("CZ-MED");
        for (String user : java.util.List.of("expert1", "county", "finance", "party")) {
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> service.get(chenzhou))).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> AsUser.run(identity, user, () -> service.search(null, null, 0, 10))).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(AsUser.call(identity, "manager", () -> service.get(chenzhou)).getCode()).isEqualTo("CZ-MED");
    }
}
