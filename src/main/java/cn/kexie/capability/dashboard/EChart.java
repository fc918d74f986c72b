package cn.kexie.capability.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Div;
import java.util.Map;

/**
 * An Apache ECharts chart: the library is served from the application's jar (the webjar
 * {@code org.webjars.npm:echarts}), loaded once per page by a script element of the same origin,
 * so neither a frontend build nor anything beyond the platform's content security policy is needed.
 * The chart's option is passed as JSON (data only, no functions); a click on a bar or slice comes
 * back to the server as the series and data index, which the view maps to what it holds itself.
 */
class EChart extends Div {

    /** Where Spring Boot serves the webjar's file from (classpath META-INF/resources/webjars). */
    static final String SCRIPT = "webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a click on the chart does with the series and data index clicked. */
    @FunctionalInterface
    interface ClickListener {
        void clicked(int seriesIndex, int dataIndex);
    }

    private ClickListener listener = (series, index) -> { };
    private String optionJson = "{}";

    EChart(String id) {
        setId(id);
        addClassName("dashboard-chart");
        setWidthFull();
        setHeight("320px");
        addAttachListener(attach -> render());
    }

    void onClick(ClickListener listener) {
        this.listener = listener;
    }

    /** The chart's option as ECharts takes it (see echarts.apache.org/en/option.html). */
    void setOption(Map<String, Object> option) {
        try {
            this.optionJson = JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (isAttached()) {
            render();
        }
    }

    String optionJson() {
        return optionJson;
    }

    /** A click from the browser: indexes the view's own lists, so an index that is not there is ignored. */
    @ClientCallable
    void drill(int seriesIndex, int dataIndex) {
        try {
            listener.clicked(seriesIndex, dataIndex);
        } catch (IndexOutOfBoundsException notAChartElement) {
            // a forged or stale click: nothing behind it
        }
    }

    private void render() {
        getElement().executeJs("""
                const el = this;
                window.kexieEcharts = window.kexieEcharts || new Promise((resolve, reject) => {
                  const script = document.createElement('script');
                  script.src = $0;
                  script.onload = resolve;
                  script.onerror = reject;
                  document.head.appendChild(script);
                });
                window.kexieEcharts.then(() => {
                  const chart = echarts.getInstanceByDom(el) || echarts.init(el);
                  chart.setOption(JSON.parse($1), true);
                  chart.off('click');
                  chart.on('click', p => el.$server.drill(p.seriesIndex || 0, p.dataIndex || 0));
                  if (!el.kexieResize) {
                    el.kexieResize = new ResizeObserver(() => chart.resize());
                    el.kexieResize.observe(el);
                  }
                });""", SCRIPT, optionJson);
    }
}
