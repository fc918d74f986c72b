package cn.kexie.capability.worklog;

import cn.kexie.capability.excel.ExcelDownload;
import cn.kexie.capability.excel.ExcelTable;
import cn.kexie.capability.programme.Category;
import cn.kexie.capability.security.Roles;
import cn.kexie.capability.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * A Chengdu society's work records by year: add, change and delete while the year is open; the
 * class the platform gave each record is shown as a label; 导出 Excel downloads the year's records as
 * listed. Other cities' applicants see why there is nothing for them here.
 */
@Route("work-records")
@Menu(order = 25, title = "nav.workRecords")
@RolesAllowed(Roles.APPLICANT)
public class MyWorkRecordsView extends VerticalLayout implements HasDynamicTitle {

    private final WorkRecordService records;
    private final List<Category> types;
    final Select<Integer> year = new Select<>();
    final Button add = new Button();
    final Paragraph lockNotice = new Paragraph();
    final WorkRecordGrid grid;
    ExcelDownload export;
    boolean locked;

    public MyWorkRecordsView(WorkRecordService records) {
        this.records = records;
        this.types = records.myOrganisation().isEmpty() ? List.of() : records.myWorkTypes();
        this.grid = new WorkRecordGrid(types, false);
        setSizeFull();
        if (records.myOrganisation().isEmpty()) {
            add(new Paragraph(getTranslation("worklog.mine.notChengdu")));
            return;
        }
        year.setLabel(getTranslation("worklog.year"));
        year.setItems(records.myYears());
        year.setItemLabelGenerator(String::valueOf);
        add.setText(getTranslation("worklog.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(click -> new WorkRecordDialog(records, types, year.getValue(), null, this::refresh).open());
        lockNotice.getElement().getThemeList().add("badge contrast");
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.addItemDoubleClickListener(click -> edit(click.getItem()));
        grid.setSizeFull();
        Paragraph help = new Paragraph(getTranslation("worklog.help.classification") + " "
                + getTranslation("worklog.help.lock"));
        help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        export = new ExcelDownload(getTranslation("worklog.export.file"), () -> {
            Integer shown = year.getValue();
            var table = WorkRecordSheet.table(getLocale(), types, false, getTranslation("worklog.export.mineTitle",
                    records.myOrganisation().map(org -> org.getName()).orElse("")),
                    ExcelTable.filtersLine(getLocale(), List.of(getTranslation("worklog.year") + " " + shown)));
            return workbook -> workbook.sheet(table, shown == null ? List.of() : records.mine(shown));
        });
        HorizontalLayout toolbar = new HorizontalLayout(year, add, export);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(toolbar, help, lockNotice, grid);
        year.addValueChangeListener(change -> refresh());
        year.setValue(records.myYears().get(0));
    }

    void refresh() {
        Integer selected = year.getValue();
        if (selected == null) {
            return;
        }
        locked = records.isLocked(selected);
        add.setEnabled(!locked);
        lockNotice.setText(getTranslation("worklog.locked", String.valueOf(selected)));
        lockNotice.setVisible(locked);
        grid.setItems(records.mine(selected));
    }

    private HorizontalLayout actions(WorkRecord record) {
        Button edit = new Button(getTranslation("worklog.edit"), click -> edit(record));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        edit.setEnabled(!locked);
        Button delete = new Button(getTranslation("worklog.delete"), click -> confirmDelete(record));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        delete.setEnabled(!locked);
        return new HorizontalLayout(edit, delete);
    }

    void edit(WorkRecord record) {
        if (!locked) {
            new WorkRecordDialog(records, types, record.year(), records.get(record.id()), this::refresh).open();
        }
    }

    private void confirmDelete(WorkRecord record) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("worklog.delete"));
        confirm.setText(getTranslation("worklog.deleteConfirm", record.title()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("worklog.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            if (Notifications.run(() -> records.delete(record.id()))) {
                Notifications.success(getTranslation("worklog.deleted"));
                refresh();
            }
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.workRecords");
    }
}
