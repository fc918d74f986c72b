package cn.kexie.capability.programme;

/**
 * Who speaks for a programme in its documents: the issuer ({@code issuerName}, the city's association,
 * 甲方 of the 项目责任书 and signatory of notices and result lists), the office that runs it, the
 * office's contact for objections to a notice, and whether its notices and result lists publish the
 * projects' amounts. Catalogue data, changed by the programme office.
 */
public record ProgrammeOffice(String programmeCode, String issuerName, String officeName, String officeContact,
        boolean publishesAmounts) {

    static final int MAX_NAME = 200;
    static final int MAX_CONTACT = 500;

    /** The issuer, or the programme's name when the catalogue names none. */
    public String issuerOr(String fallback) {
        return issuerName == null || issuerName.isBlank() ? fallback : issuerName;
    }
}
