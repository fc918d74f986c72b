package cn.kexie.capability;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A new objector for each objection a test lodges: the public form limits objections per contact
 * and per sender, and every test class shares one database, so a fixed contact or address would
 * meet the limits of an earlier test.
 */
public final class Objectors {

    private Objectors() {
    }

    /** A mainland mobile number no other test is likely to use. */
    public static String mobile() {
        return "13" + ThreadLocalRandom.current().nextInt(5, 10) + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    /** An address of the documentation range 203.0.113.0/24. */
    public static String address() {
        return "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
    }
}
