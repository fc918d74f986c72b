package cn.kexie.capability.organisation;

/** Membership of the provincial society group (学会联合体 / 团体会员) that Xiangyang's excellent-society award asks for. */
public enum GroupMembership {
    NONE,
    /** 首批团体会员 */
    FIRST_BATCH,
    /** 已申请第二批 */
    SECOND_BATCH_APPLIED
}
