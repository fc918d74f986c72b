package cn.kexie.capability.application;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of the dossier that another feature keeps (the money of an application, say): the
 * dossier shows it between the files and the history. A section checks for itself whether the
 * current reader may see it, and gives nothing when not; the dossier itself is read only by those
 * {@link ApplicationService#get} lets in. Implement it as a bean.
 */
public interface DossierSection {

    /** The section for the current reader, or empty when the reader may not see it. */
    Optional<Component> create(Component ui, Application app);
}
