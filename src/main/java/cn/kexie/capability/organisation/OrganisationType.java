package cn.kexie.capability.organisation;

/** The kinds of organisation in the register; the codes are the decision tables' {@code applicantType}. */
public enum OrganisationType {
    /** 市级学会、协会、研究会 */
    MUNICIPAL_SOCIETY,
    /** 高校科协 */
    UNIVERSITY_ASSOCIATION,
    /** 企事业科协 */
    ENTERPRISE_ASSOCIATION,
    /** 县市区科协 */
    COUNTY_ASSOCIATION,
    /** 基层科协 */
    GRASSROOTS_ASSOCIATION,
    /** 科技工作者（个人） */
    SCIENTIST,
    ENTERPRISE,
    UNIVERSITY,
    INSTITUTE,
    PARK
}
