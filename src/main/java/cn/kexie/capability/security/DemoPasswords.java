package cn.kexie.capability.security;

/** The password of every demo account, documented in the README; refused under the prod profile. */
public final class DemoPasswords {

    public static final String DEMO = "demo";

    private DemoPasswords() {
    }
}
