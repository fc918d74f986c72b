package cn.kexie.capability;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * 学会服务能力提升计划平台: Camunda 7 engine, Vaadin UI and the domain data in one application,
 * sharing one DataSource and one transaction manager.
 */
@SpringBootApplication
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class CapabilityPlatformApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(CapabilityPlatformApplication.class, args);
    }
}
