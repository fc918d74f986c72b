package cn.kexie.capability;

import cn.kexie.capability.application.ProjectParticulars;
import cn.kexie.capability.common.PlatformClock;

/** The cover particulars a complete test application gives: a lead, a contact, a period of today. */
public final class FilledParticulars {

    private FilledParticulars() {
    }

    public static ProjectParticulars of() {
        return new ProjectParticulars("王明", "秘书长", "李华", "0735-2881234", PlatformClock.today(), PlatformClock.today(), null);
    }
}
