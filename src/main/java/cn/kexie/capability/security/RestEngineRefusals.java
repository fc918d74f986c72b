package cn.kexie.capability.security;

import cn.kexie.capability.common.Messages;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The REST API refuses what a person can correct with 400 and a message in the caller's language,
 * where Camunda answers 500: a password against the policy (with the rules), and a user or group id
 * outside the allowed pattern. Every other engine error keeps Camunda's own answer.
 */
@Component
class RestEngineRefusals implements ResourceConfigCustomizer {

    /** The engine's messages for these refusals, and the platform's text for each. */
    static final Map<String, String> REFUSALS = Map.of(
            "Password does not match policy", "login.passwordPolicy",
            "has an invalid id", "login.invalidId");

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(Mapper.class);
    }

    @Priority(Priorities.USER - 100)
    static class Mapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ProcessEngineException exception) {
            String engineMessage = exception.getMessage() == null ? "" : exception.getMessage();
            var refusal = REFUSALS.entrySet().stream().filter(r -> engineMessage.contains(r.getKey())).findFirst();
            if (refusal.isEmpty()) {
                return camunda.toResponse(exception);
            }
            String language = headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
            String message = Messages.get(Messages.preferred(language), refusal.get().getValue());
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "InvalidRequestException", "message", refusal.get().getKey() + ": " + message))
                    .build();
        }
    }
}
