package cn.kexie.capability.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.AsUser;
import cn.kexie.capability.PlatformTest;
import cn.kexie.capability.StatementCounter;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the register is read (issue 13): an organisation with its yearly records and sanctions in
 * two statements (the row, then the five record tables in one), each list whole and in its order;
 * and a step's second reading of the same organisation from what its transaction has read, until
 * the transaction changes it.
 */
@PlatformTest
class OrganisationReadingTest {

    @Autowired IdentityService identity;
    @Autowired OrganisationService organisations;
    @Autowired PlatformTransactionManager transactions;

    Organisation society(String code) {
        Organisation org = new Organisation();
        org.setCode(code);
        org.setName("读取测试学会" + code);
        org.setCityCode("CHENZHOU");
        org.setType(OrganisationType.MUNICIPAL_SOCIETY);
        org.setRating(4);
        org.setBankName("中国银行郴州分行");
        org.setBankAccountName(org.getName());
        org.setBankAccountNo("4300 0000 0000 7" + code.length());
        // given out of order: the register keeps each list by year (then by entry)
        org.setInspections(List.of(new Organisation.YearResult(2025, true), new Organisation.YearResult(2023, false),
                new Organisation.YearResult(2024, true)));
        org.setAssessments(List.of(new Organisation.YearResult(2024, false), new Organisation.YearResult(2022, true)));
        org.setCommendations(List.of(new Organisation.Commendation(2024, "PROVINCIAL", "省级先进学会"),
                new Organisation.Commendation(2021, "MUNICIPAL", "市级学会工作先进集体"),
                new Organisation.Commendation(2024, "MUNICIPAL", "科普工作先进")));
        org.setViolations(List.of(new Organisation.Violation(2022, "PENALTY", "通报批评一次")));
        return AsUser.call(identity, "office", () -> organisations.save(org));
    }

    @Test
    void anOrganisationIsReadWithEveryRecordInTwoStatements() {
        long id = society("CZ-READ-1").getId();
        organisations.addSanction(id, new Organisation.Sanction("CHENZHOU", "FRAUD", 2025, 2026, 2028, "CHENZHOU-2025-0001", "材料造假"));
        organisations.addSanction(id, new Organisation.Sanction("CHENZHOU", "FAILED_ACCEPTANCE", 2023, 2024, 2024, null, null));

        Organisation[] read = new Organisation[1];
        StatementCounter.Count count = StatementCounter.count(() -> read[0] = organisations.load(id));

        assertThat(count.total()).as("the row, then the five record tables in one").isEqualTo(2);
        Organisation org = read[0];
        assertThat(org.getInspections()).containsExactly(new Organisation.YearResult(2023, false),
                new Organisation.YearResult(2024, true), new Organisation.YearResult(2025, true));
        assertThat(org.getAssessments()).containsExactly(new Organisation.YearResult(2022, true),
                new Organisation.YearResult(2024, false));
        assertThat(org.getCommendations()).containsExactly(new Organisation.Commendation(2021, "MUNICIPAL", "市级学会工作先进集体"),
                new Organisation.Commendation(2024, "PROVINCIAL", "省级先进学会"),
                new Organisation.Commendation(2024, "MUNICIPAL", "科普工作先进"));
        assertThat(org.getViolations()).containsExactly(new Organisation.Violation(2022, "PENALTY", "通报批评一次"));
        assertThat(org.getSanctions()).containsExactly(
                new Organisation.Sanction("CHENZHOU", "FAILED_ACCEPTANCE", 2023, 2024, 2024, null, null),
                new Organisation.Sanction("CHENZHOU", "FRAUD", 2025, 2026, 2028, "CHENZHOU-2025-0001", "材料造假"));
    }

    @Test
    void anOrganisationWithoutRecordsHasEmptyLists() {
        Organisation bare = new Organisation();
        bare.setCode("CZ-READ-2");
        bare.setName("读取测试学会（无记录）");
        bare.setCityCode("CHENZHOU");
        bare.setType(OrganisationType.MUNICIPAL_SOCIETY);
        bare.setRating(3);
        bare.setBankName("中国银行郴州分行");
        bare.setBankAccountName(bare.getName());
        bare.setBankAccountNo("4300 0000 0000 8801");
        long id = AsUser.call(identity, "office", () -> organisations.save(bare)).getId();

        Organisation org = organisations.load(id);

        assertThat(org.getInspections()).isEmpty();
        assertThat(org.getAssessments()).isEmpty();
        assertThat(org.getCommendations()).isEmpty();
        assertThat(org.getViolations()).isEmpty();
        assertThat(org.getSanctions()).isEmpty();
    }

    @Test
    void aTransactionReadsAnOrganisationOnceUntilItChangesIt() {
        long id = society("CZ-READ-3").getId();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            organisations.load(id);
            StatementCounter.Count again = StatementCounter.count(() -> organisations.load(id));
            assertThat(again.total()).as("read again in the same transaction").isZero();

            // a sanction the same transaction adds is in the next reading
            organisations.addSanction(id, new Organisation.Sanction("CHENZHOU", "FRAUD", 2026, 2027, 2029, null, "虚报"));
            StatementCounter.Count afterChange = StatementCounter.count(() ->
                    assertThat(organisations.load(id).getSanctions()).extracting(Organisation.Sanction::note).containsExactly("虚报"));
            assertThat(afterChange.total()).as("read again after the change").isEqualTo(2);
        });
        // another transaction reads it afresh
        assertThat(StatementCounter.count(() -> organisations.load(id)).total()).isEqualTo(2);
    }
}
