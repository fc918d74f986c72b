package cn.kexie.capability.calendar;

import cn.kexie.capability.common.Messages;
import cn.kexie.capability.common.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * At start, loads each year of {@code classpath:holiday-cn/*.json} that the database does not have.
 * Safe to run on several nodes at once: each year is one transaction guarded by the year's primary
 * key. A year that fails is logged and skipped: the calendar then counts weekends only for it, and
 * the home view warns administrators if it is this year or the next.
 */
@Component
@Order(10)
class ShippedArrangements implements ApplicationRunner {

    static final String LOCATION = "classpath*:holiday-cn/*.json";

    private static final Logger log = LoggerFactory.getLogger(ShippedArrangements.class);

    private final WorkingCalendarService service;
    private final WorkingCalendarRepository repository;

    ShippedArrangements(WorkingCalendarService service, WorkingCalendarRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** @return the years this call loaded */
    List<Integer> load() {
        List<Integer> loaded = new ArrayList<>();
        for (Arrangement arrangement : shipped()) {
            if (load(arrangement)) {
                loaded.add(arrangement.year());
            }
        }
        if (!loaded.isEmpty()) {
            log.info("Loaded the holiday arrangements of {}", loaded);
        }
        return loaded;
    }

    private boolean load(Arrangement arrangement) {
        try {
            return service.loadShipped(arrangement);
        } catch (UserError invalid) {
            log.warn("Shipped holiday arrangement {} not loaded: {}", arrangement.year(),
                    Messages.describe(Messages.ENGLISH, invalid));
        } catch (DataAccessException failed) {
            if (repository.exists(arrangement.year())) {
                log.info("Holiday arrangement {} was loaded by another node meanwhile", arrangement.year());
            } else {
                log.warn("Shipped holiday arrangement {} not loaded", arrangement.year(), failed);
            }
        }
        return false;
    }

    /** The shipped arrangements, by year; empty files (a notice not yet published) are left out. */
    static List<Arrangement> shipped() {
        try {
            List<Arrangement> arrangements = new ArrayList<>();
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                Arrangement arrangement = HolidayCnJson.read(file.getContentAsString(StandardCharsets.UTF_8));
                if (!arrangement.days().isEmpty()) {
                    arrangements.add(arrangement);
                }
            }
            arrangements.sort(Comparator.comparingInt(Arrangement::year));
            return arrangements;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped holiday arrangements", e);
        }
    }
}
