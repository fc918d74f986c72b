package cn.kexie.capability.security;

import cn.kexie.capability.common.CleanText;
import cn.kexie.capability.common.Messages;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same rule as the platform's services (see {@link CleanText}) for the APIs that do not go
 * through them: Camunda's REST API and the webapps' API. A query parameter or a string of a JSON
 * body (names included) with a control character is refused with 400 and a message, in Camunda's
 * error format, before the engine sees it: PostgreSQL could not store it, and would answer with a
 * 500 naming the SQL. Other bodies (file uploads of a deployment) pass unread.
 */
class RequestTextFilter extends OncePerRequestFilter {

    /** Larger JSON bodies are refused rather than read into memory. */
    static final int MAX_JSON_BYTES = 10 * 1024 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale locale = Messages.preferred(request.getHeader("Accept-Language"));
        Optional<String> problem = queryProblem(request.getQueryString(), locale);
        if (problem.isEmpty() && !CleanText.isClean(request.getRequestURI(), true)) {
            problem = Optional.of(Messages.get(locale, "common.api.controlCharacterPath"));
        }
        HttpServletRequest forward = request;
        if (problem.isEmpty() && isJson(request.getContentType())) {
            if (request.getContentLengthLong() > MAX_JSON_BYTES) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                        Messages.get(locale, "common.api.tooLarge", String.valueOf(MAX_JSON_BYTES / 1024 / 1024)));
                return;
            }
            byte[] body = request.getInputStream().readNBytes(MAX_JSON_BYTES + 1);
            if (body.length > MAX_JSON_BYTES) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                        Messages.get(locale, "common.api.tooLarge", String.valueOf(MAX_JSON_BYTES / 1024 / 1024)));
                return;
            }
            problem = jsonProblem(body, locale);
            forward = new Replayed(request, body);
        }
        if (problem.isPresent()) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, problem.get());
            return;
        }
        chain.doFilter(forward, response);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return "json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json");
        } catch (RuntimeException unparseable) {
            return false;
        }
    }

    static Optional<String> queryProblem(String query, Locale locale) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return Optional.of(Messages.get(locale, "common.api.malformedQuery"));
            }
            if (!CleanText.isClean(name, true) || !CleanText.isClean(value, false)) {
                return Optional.of(Messages.get(locale, "common.api.controlCharacter", printable(name)));
            }
        }
        return Optional.empty();
    }

    /** The first text of the body with a control character; a body that is no JSON is Camunda's to refuse. */
    static Optional<String> jsonProblem(byte[] body, Locale locale) {
        try (JsonParser parser = JSON.createParser(body)) {
            String field = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                    if (!CleanText.isClean(field, true)) {
                        return Optional.of(Messages.get(locale, "common.api.controlCharacterName"));
                    }
                } else if (token == JsonToken.VALUE_STRING && !CleanText.isClean(parser.getText(), false)) {
                    return Optional.of(Messages.get(locale, "common.api.controlCharacter", printable(field)));
                }
            }
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String printable(String name) {
        if (name == null) {
            return "?";
        }
        String clean = name.replaceAll("[\\p{Cntrl}\\x{80}-\\x{9F}]", "_");
        return clean.length() <= 60 ? clean : clean.substring(0, 60) + "…";
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"" + escaped + "\"}");
    }

    /** The request with its body read once, for the filters and servlet after this one. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
