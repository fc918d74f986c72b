package cn.kexie.capability.common;

/** Whether demo data belongs in this database: explicit true/false wins; unset means only on the embedded H2 default. */
public final class DemoMode {

    private DemoMode() {
    }

    public static boolean enabled(String setting, String datasourceUrl) {
        if (setting != null && !setting.isBlank()) {
            return Boolean.parseBoolean(setting.trim());
        }
        return datasourceUrl != null && datasourceUrl.startsWith("jdbc:h2:");
    }
}
