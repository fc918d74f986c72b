package cn.kexie.capability.common;

import org.camunda.bpm.engine.identity.User;

/** How the platform names a person: family name then given name (王学会部), or the login id where none is held. */
public final class PersonName {

    private PersonName() {
    }

    public static String of(User user) {
        String name = ((user.getLastName() == null ? "" : user.getLastName())
                + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
