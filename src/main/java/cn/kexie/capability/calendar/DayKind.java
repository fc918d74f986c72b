package cn.kexie.capability.calendar;

/** What a notice says about one day. */
enum DayKind {
    /** 放假: a day off, whatever day of the week it is. */
    HOLIDAY,
    /** 调休上班: a Saturday or Sunday worked instead. */
    MAKE_UP_WORKING_DAY;

    boolean offDay() {
        return this == HOLIDAY;
    }

    static DayKind ofOffDay(boolean offDay) {
        return offDay ? HOLIDAY : MAKE_UP_WORKING_DAY;
    }
}
