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
}
