package cn.kexie.capability;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new objector for each objection a test lodges: the public form limits objections per contact
 * and per sender, and every test class shares one database, so a fixed contact or address would
 * meet the limits of an earlier test.
 */
public final class Objectors {

    /** The next host of {@link #address()}, from a random start so that runs on one database differ too. */
    private static final AtomicInteger NEXT_HOST = new AtomicInteger(ThreadLocalRandom.current().nextInt(254));

    private Objectors() {
    }

    /** A mainland mobile number no other test is likely to use. */
    public static String mobile() {
        return "13" + ThreadLocalRandom.current().nextInt(5, 10) + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    /**
     * An address of the documentation range 203.0.113.0/24, another on each call until all 254 have
     * been given out: drawn at random, a hundred objections in one run would send a third from some
     * address within the hour and meet the limit per sender.
     */
    public static String address() {
        return "203.0.113." + (Math.floorMod(NEXT_HOST.getAndIncrement(), 254) + 1);
    }
}
