package cn.kexie.capability.security;

import java.util.Collection;
import java.util.Set;

/**
 * The cities whose programmes a user sees and works: the engine tenants the user, or one of its
 * groups, is a member of (a city's code is its tenant id); administrators see every city.
 */
public record CityScope(boolean all, Set<String> cities) {

    public static final CityScope EVERY_CITY = new CityScope(true, Set.of());
    public static final CityScope NONE = new CityScope(false, Set.of());

    public CityScope {
        cities = Set.copyOf(cities);
    }

    public static CityScope of(Collection<String> cities) {
        return new CityScope(false, Set.copyOf(cities));
    }

    public boolean includes(String cityCode) {
        return all || (cityCode != null && cities.contains(cityCode));
    }
}
