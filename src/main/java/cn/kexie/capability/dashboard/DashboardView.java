package cn.kexie.capability.dashboard;

import cn.kexie.capability.application.DossierPanel;
import cn.kexie.capability.common.Yuan;
import cn.kexie.capability.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The leadership's overview: applications per programme, year and status, money disbursed and
 * recovered, and overdue tasks; Cockpit one click away for the processes themselves.
 */
@Route("dashboard")
@Menu(order = 5, title = "nav.dashboard")
@RolesAllowed({Roles.MANAGER, Roles.PROGRAMME_OFFICE, Roles.ADMIN})
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    public DashboardView(DashboardService dashboard) {
        add(new Paragraph(getTranslation("dashboard.intro")));
        DashboardService.Totals totals = dashboard.totals();
        add(new Paragraph(getTranslation("dashboard.totals", totals.applications(), totals.open(), totals.overdueTasks(),
                Yuan.format(totals.money().approved()), Yuan.format(totals.disbursed()), Yuan.format(totals.recovered()))));
        Grid<DashboardService.Row> grid = new Grid<>(DashboardService.Row.class, false);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(DashboardService.Row::programme).setHeader(getTranslation("application.programme")).setAutoWidth(true);
        grid.addColumn(DashboardService.Row::year).setHeader(getTranslation("catalogue.year")).setAutoWidth(true);
        grid.addColumn(r -> DossierPanel.statusLabel(this, r.status())).setHeader(getTranslation("application.status")).setFlexGrow(1);
        grid.addColumn(DashboardService.Row::count).setHeader(getTranslation("dashboard.count")).setAutoWidth(true);
        List<DashboardService.Row> rows = dashboard.byStatus();
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        add(new H3(getTranslation("dashboard.byStatus")), grid);
        Anchor cockpit = new Anchor("camunda/app/cockpit/default/", getTranslation("dashboard.cockpit"));
        cockpit.setTarget("_blank");
        add(cockpit);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard");
    }
}
