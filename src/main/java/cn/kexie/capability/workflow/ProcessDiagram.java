package cn.kexie.capability.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import elemental.json.Json;
import elemental.json.JsonArray;
import java.util.Collection;
import java.util.List;

/**
 * A BPMN diagram in the page, with the path an instance has taken: bpmn-js's NavigatedViewer (pan
 * and zoom, no editing), served from the application's jar (the webjar {@code org.webjars.npm:bpmn-js})
 * and loaded once per page by a script element of the same origin, as the dashboard's charts are:
 * neither a frontend build nor anything from another site is needed, so it works offline and in the
 * production jar alike. The diagram's XML and the ids to highlight are element properties
 * ({@code xml}, {@code completed}, {@code active}, {@code taken}); the browser draws them, marks
 * finished activities (green fill), the current steps (blue outline) and the sequence flows taken
 * (green), and fits the diagram to its box on opening and whenever the box changes size. It
 * holds ids only: who did a step is never sent.
 */
public class ProcessDiagram extends Div {

    /** Where Spring Boot serves the webjar's files from (classpath META-INF/resources/webjars). */
    static final String BASE = "webjars/bpmn-js/8.0.0/dist/";
    static final String SCRIPT = BASE + "bpmn-navigated-viewer.production.min.js";
    static final String STYLE = BASE + "assets/diagram-js.css";

    /** The markers' look; the page's CSS cannot reach into the diagram otherwise. */
    static final String MARKERS = """
            .process-diagram-canvas .kx-done:not(.djs-connection) .djs-visual > :nth-child(1) {
              fill: #e1f0dc !important; stroke: #5b8c51 !important; }
            .process-diagram-canvas .kx-active:not(.djs-connection) .djs-visual > :nth-child(1) {
              stroke: #1676f3 !important; stroke-width: 4px !important; }
            .process-diagram-canvas .kx-taken.djs-connection .djs-visual > path {
              stroke: #5b8c51 !important; stroke-width: 2.5px !important; }
            .process-diagram-legend .swatch { display: inline-block; width: 1.6em; height: 0.9em;
              margin-right: 0.3em; vertical-align: middle; border-radius: 3px; }
            """;

    private final Div canvas = new Div();
    /** Zooms to the first current step; shown only while there is one. */
    private final Button focus = new Button(getTranslation("diagram.focus"),
            click -> getElement().executeJs("this.kexieFocus && this.kexieFocus()"));

    public ProcessDiagram() {
        addClassName("process-diagram");
        setWidthFull();
        getStyle().set("min-width", "0").set("box-sizing", "border-box");
        canvas.addClassName("process-diagram-canvas");
        canvas.setWidthFull();
        canvas.setHeight("420px");
        canvas.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("overflow", "hidden").set("background", "var(--lumo-base-color)").set("box-sizing", "border-box");
        Button fit = new Button(getTranslation("diagram.fit"), click -> getElement().executeJs("this.kexieFit && this.kexieFit()"));
        fit.setId("process-diagram-fit");
        focus.setId("process-diagram-focus");
        for (Button button : new Button[] {fit, focus}) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        }
        Div legend = legend();
        legend.add(fit, focus);
        add(canvas, legend);
        addAttachListener(attach -> render());
    }

    /**
     * The diagram and what to highlight in it: ids of finished activities, of the activities the
     * instance waits in, and of the sequence flows it took. Ids the diagram does not hold are ignored.
     */
    public void show(String xml, Collection<String> completed, Collection<String> active, Collection<String> taken) {
        getElement().setProperty("xml", xml);
        getElement().setPropertyJson("completed", array(completed));
        getElement().setPropertyJson("active", array(active));
        getElement().setPropertyJson("taken", array(taken));
        focus.setVisible(!active.isEmpty());
        if (isAttached()) {
            render();
        }
    }

    private static JsonArray array(Collection<String> ids) {
        JsonArray array = Json.createArray();
        List.copyOf(ids).forEach(id -> array.set(array.length(), id));
        return array;
    }

    private Div legend() {
        Div legend = new Div(entry("diagram.legend.completed", "background:#e1f0dc;border:2px solid #5b8c51"),
                entry("diagram.legend.active", "background:#fff;border:3px solid #1676f3"),
                entry("diagram.legend.taken", "background:#5b8c51;height:3px"));
        legend.addClassName("process-diagram-legend");
        legend.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center").set("gap", "0.3em 1.5em")
                .set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                .set("margin-top", "0.3em");
        return legend;
    }

    private Span entry(String key, String swatchStyle) {
        Span swatch = new Span();
        swatch.addClassName("swatch");
        swatch.getElement().setAttribute("style", swatchStyle);
        Span entry = new Span(swatch, new Span(getTranslation(key)));
        return entry;
    }

    private void render() {
        if (getElement().getProperty("xml") == null) {
            return;
        }
        getElement().executeJs("""
                const el = this;
                window.kexieBpmn = window.kexieBpmn || new Promise((resolve, reject) => {
                  const css = document.createElement('link');
                  css.rel = 'stylesheet';
                  css.href = $1;
                  document.head.appendChild(css);
                  const style = document.createElement('style');
                  style.textContent = $2;
                  document.head.appendChild(style);
                  const script = document.createElement('script');
                  script.src = $0;
                  script.onload = resolve;
                  script.onerror = reject;
                  document.head.appendChild(script);
                });
                window.kexieBpmn.then(async () => {
                  const box = el.querySelector('.process-diagram-canvas');
                  el.kexieViewer = el.kexieViewer || new BpmnJS({ container: box });
                  const viewer = el.kexieViewer;
                  await viewer.importXML(el.xml);
                  const canvas = viewer.get('canvas');
                  const registry = viewer.get('elementRegistry');
                  const mark = (ids, marker) => (ids || []).forEach(id => {
                    if (registry.get(id)) { canvas.addMarker(id, marker); }
                  });
                  mark(el.completed, 'kx-done');
                  mark(el.taken, 'kx-taken');
                  mark(el.active, 'kx-active');
                  // as high as the diagram needs at the box's width, within bounds: no squeezing, no empty band
                  const inner = canvas.viewbox().inner;
                  if (box.clientWidth > 0 && inner.width > 0) {
                    const high = box.clientWidth * inner.height / inner.width + 48;
                    box.style.height = Math.round(Math.max(240, Math.min(560, high))) + 'px';
                    canvas.resized();
                  }
                  const fit = () => {
                    if (box.clientWidth > 0 && box.clientHeight > 0) { canvas.zoom('fit-viewport', 'auto'); }
                  };
                  el.kexieFit = fit;
                  // the first current step at full size, in the middle of the box
                  el.kexieFocus = () => {
                    const shape = (el.active || []).map(id => registry.get(id)).find(Boolean);
                    if (!shape || box.clientWidth === 0) { return; }
                    canvas.zoom(1);
                    const view = canvas.viewbox();
                    canvas.viewbox({ x: shape.x + shape.width / 2 - view.width / 2,
                      y: shape.y + shape.height / 2 - view.height / 2, width: view.width, height: view.height });
                  };
                  fit();
                  if (!el.kexieResize) {
                    el.kexieResize = new ResizeObserver(() => { canvas.resized(); fit(); });
                    el.kexieResize.observe(box);
                  }
                  el.setAttribute('rendered', '');
                }).catch(error => {
                  el.setAttribute('failed', String(error && error.message || error));
                });""", SCRIPT, STYLE, MARKERS);
    }
}
