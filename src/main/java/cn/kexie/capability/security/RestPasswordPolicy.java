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
 * The REST API refuses a password against the policy with 400 and the rules, in the caller's
 * language, where Camunda answers 500: a person can act on it. Every other engine error keeps
 * Camunda's own answer.
 */
@Component
class RestPasswordPolicy implements ResourceConfigCustomizer {

    /** The engine's message when a password does not satisfy the policy. */
    static final String ENGINE_MESSAGE = "Password does not match policy";

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
            if (exception.getMessage() == null || !exception.getMessage().contains(ENGINE_MESSAGE)) {
                return camunda.toResponse(exception);
            }
            String language = headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
            String message = Messages.get(Messages.preferred(language), "login.passwordPolicy");
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "PasswordPolicyException", "message", ENGINE_MESSAGE + ": " + message))
                    .build();
        }
    }
}
