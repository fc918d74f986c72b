package cn.kexie.capability.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.PlatformTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockPropertySource;

/**
 * Who is sending, as the application sees it over real HTTP: the connection's address. An
 * X-Forwarded-For header counts only when it comes from a proxy the operator named in
 * {@code platform.trusted-proxies}; by default none is trusted, not even loopback or private
 * ranges (Tomcat's own default), so a client cannot pose as many senders to dodge the objection
 * form's limits.
 */
@PlatformTest
class ClientAddressTest {

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void aClientsOwnForwardedForHeaderIsIgnoredEvenFromLoopback() throws Exception {
        // the test client connects from 127.0.0.1, which Tomcat's default internal-proxies trusts
        assertThat(remoteAddressSeen("203.0.113.9")).isEqualTo("127.0.0.1");
        assertThat(remoteAddressSeen("10.1.2.3, 198.51.100.7")).isEqualTo("127.0.0.1");
        assertThat(remoteIpValve().getInternalProxies()).isNull();
        assertThat(remoteIpValve().getTrustedProxies()).isNull();
    }

    @Test
    void aProxyNamedInTheSettingIsTrusted() throws Exception {
        // what application.yml makes of the setting: the pattern handed to Tomcat as is, and nothing without it
        assertThat(internalProxiesFromApplicationYml(null)).isEmpty();
        assertThat(internalProxiesFromApplicationYml("127\\.0\\.0\\.1|10\\.0\\.0\\.5")).isEqualTo("127\\.0\\.0\\.1|10\\.0\\.0\\.5");

        // and Tomcat, given such a pattern, takes the client's address from the proxy's header
        RemoteIpValve valve = remoteIpValve();
        String before = valve.getInternalProxies();
        valve.setInternalProxies(internalProxiesFromApplicationYml("127\\.0\\.0\\.1"));
        try {
            assertThat(remoteAddressSeen("203.0.113.9")).isEqualTo("203.0.113.9");
        } finally {
            valve.setInternalProxies(before);
        }
        assertThat(remoteAddressSeen("203.0.113.9")).isEqualTo("127.0.0.1");
    }

    /** The remote address the application sees for a request with this X-Forwarded-For header. */
    private String remoteAddressSeen(String forwardedFor) throws IOException, InterruptedException {
        List<String> seen = new CopyOnWriteArrayList<>();
        Valve recorder = new ValveBase(true) {
            @Override
            public void invoke(Request request, Response response) throws IOException, jakarta.servlet.ServletException {
                seen.add(request.getRemoteAddr());
                getNext().invoke(request, response);
            }
        };
        var host = tomcat().getHost();
        host.getPipeline().addValve(recorder);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                    .uri(URI.create("http://127.0.0.1:" + context.getWebServer().getPort() + "/actuator/health"))
                    .header("X-Forwarded-For", forwardedFor)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        } finally {
            host.getPipeline().removeValve(recorder);
        }
        assertThat(seen).hasSize(1);
        return seen.get(0);
    }

    private org.apache.catalina.startup.Tomcat tomcat() {
        return ((TomcatWebServer) context.getWebServer()).getTomcat();
    }

    private RemoteIpValve remoteIpValve() {
        for (Valve valve : tomcat().getEngine().getPipeline().getValves()) {
            if (valve instanceof RemoteIpValve remoteIp) {
                return remoteIp;
            }
        }
        throw new AssertionError("no RemoteIpValve: server.forward-headers-strategy is no longer native");
    }

    /** server.tomcat.remoteip.internal-proxies as Spring Boot binds it from application.yml, with the setting or without. */
    private static String internalProxiesFromApplicationYml(String trustedProxies) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (var source : new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        if (trustedProxies != null) {
            environment.getPropertySources().addFirst(new MockPropertySource().withProperty("platform.trusted-proxies", trustedProxies));
        }
        return Binder.get(environment).bind("server", ServerProperties.class).get()
                .getTomcat().getRemoteip().getInternalProxies();
    }
}
