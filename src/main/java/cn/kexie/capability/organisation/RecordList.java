package cn.kexie.capability.organisation;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.function.SerializableSupplier;
import java.util.ArrayList;
import java.util.List;

/**
 * A small editable list of yearly records (inspections, commendations, ...): a grid of the rows,
 * a remove button per row, and a line of input fields with an add button.
 */
class RecordList<T> extends VerticalLayout {

    private final List<T> items = new ArrayList<>();
    private final Grid<T> grid;

    RecordList(String title, Class<T> type, List<Column<T>> columns, List<Component> inputs,
            SerializableSupplier<T> readInputs, String addLabel, String removeLabel, boolean editable) {
        setPadding(false);
        setSpacing(false);
        grid = new Grid<>(type, false);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        for (Column<T> column : columns) {
            grid.addColumn(column.value()::apply).setHeader(column.header()).setAutoWidth(true);
        }
        if (editable) {
            grid.addComponentColumn(item -> {
                Button remove = new Button(removeLabel, click -> {
                    items.remove(item);
                    grid.setItems(items);
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                return remove;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        Span heading = new Span(title);
        heading.getStyle().set("font-weight", "600").set("margin-top", "var(--lumo-space-m)");
        add(heading, grid);
        if (editable) {
            Button add = new Button(addLabel, click -> {
                T item = readInputs.get();
                if (item != null) {
                    items.add(item);
                    grid.setItems(items);
                }
            });
            HorizontalLayout line = new HorizontalLayout();
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            inputs.forEach(line::add);
            line.add(add);
            add(line);
        }
    }

    record Column<T>(String header, SerializableFunction<T, Object> value) {
    }

    void setItems(List<T> values) {
        items.clear();
        items.addAll(values);
        grid.setItems(items);
    }

    List<T> getItems() {
        return List.copyOf(items);
    }
}
