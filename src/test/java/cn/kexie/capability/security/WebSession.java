package cn.kexie.capability.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the running application, for tests over HTTP: the platform's login
 * form (with its CSRF token, as the page gives it), then the Camunda webapps' APIs with their
 * XSRF header; or REST with basic authentication.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER = Pattern.compile("name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String basic;

    private WebSession(int port, String basic) {
        this.port = port;
        this.basic = basic;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Nobody logged in. */
    public static WebSession anonymous(int port) {
        return new WebSession(port, null);
    }

    /** REST calls with basic authentication, no session. */
    public static WebSession basic(int port, String user, String password) {
        return new WebSession(port, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Logged in through the platform's login form, as a browser does. */
    public static WebSession login(int port, String user, String password) {
        WebSession session = new WebSession(port, null);
        HttpResponse<String> login = session.formLogin(user, password);
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("login of " + user + " failed: " + login.statusCode() + " " + location);
        }
        // the webapps hand out their XSRF cookie on the first page
        session.get("/camunda/app/welcome/default/");
        return session;
    }

    /** Posts the login form with the token the login page gives; returns the answer. */
    public HttpResponse<String> formLogin(String user, String password) {
        String page = get("/login").body();
        StringBuilder form = new StringBuilder("username=" + encode(user) + "&password=" + encode(password));
        Matcher token = CSRF.matcher(page);
        if (token.find()) {
            Matcher parameter = CSRF_PARAMETER.matcher(page);
            form.append('&').append(parameter.find() ? parameter.group(1) : "_csrf").append('=').append(encode(token.group(1)));
        }
        return send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A request with a JSON body (or none), with the webapps' XSRF header when the session has the cookie. */
    public HttpResponse<String> call(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        xsrf(request);
        return send(request);
    }

    /** A form POST, with the webapps' XSRF header when the session has the cookie. */
    public HttpResponse<String> form(String path, String urlEncoded) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded));
        xsrf(request);
        return send(request);
    }

    /** A multipart POST of one file, as Camunda Modeler's deploy sends it. */
    public HttpResponse<String> multipart(String path, String fileName, String content) {
        String boundary = "----test" + java.util.UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + fileName + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        xsrf(request);
        return send(request);
    }

    private void xsrf(HttpRequest.Builder request) {
        cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
                .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (basic != null) {
            request.header("Authorization", basic);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
