package cn.kexie.capability.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The platform's notion of now: the process engine's clock (so tests that move it with
 * {@code ClockUtil} move deadlines too), read in the programmes' time zone, Asia/Shanghai,
 * whatever the server's time zone.
 */
public final class PlatformClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private PlatformClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }
}
