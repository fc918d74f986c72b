package cn.kexie.capability.ui;

import com.vaadin.flow.component.Component;

/**
 * A feature's item in the header of every view for a logged-in user (the notifications' bell),
 * placed before the user's name. Implement it as a bean; each layout instance gets a new component.
 */
public interface HeaderItem {

    Component create();
}
