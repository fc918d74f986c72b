package cn.kexie.capability.application;

import java.util.Set;

/**
 * Where an application's process stands, for its diagram in the dossier: the XML of the very
 * definition version the instance runs, the activities it has passed (finished, or left when
 * cancelled by an event or a move), those it waits in now, and the sequence flows it took. Ids only:
 * nobody's name, no variable.
 */
record ProcessProgress(String processDefinitionId, String xml, Set<String> completed, Set<String> active,
        Set<String> taken) {

    ProcessProgress {
        completed = Set.copyOf(completed);
        active = Set.copyOf(active);
        taken = Set.copyOf(taken);
    }
}
