package cn.kexie.capability.ui;

/**
 * A feature may hide one of its menu entries from users who may open the view but have nothing to
 * do there (a society of a city whose programme has no work records, say). Implement it as a bean.
 */
public interface MenuVisibility {

    /** False to leave the entry with this route path out of the user's navigation. */
    boolean visible(String path);
}
