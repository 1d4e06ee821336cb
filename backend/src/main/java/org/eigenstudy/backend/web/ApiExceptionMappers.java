package org.eigenstudy.backend.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eigenstudy.backend.domain.DomainException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into a JSON {@link ApiError}. Unexpected exceptions are logged with their
 * stack trace on the server and answered with a generic 500, so no internals reach the client. A
 * database that cannot serve for a moment (restart, crash recovery) is a 503 with Retry-After.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    /** PostgreSQL's crash-restart cycle takes about a second; a retry after 2 s finds it back. */
    static final String RETRY_AFTER_UNAVAILABLE_S = "2";

    public static Response json(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    /** The one place where a domain refusal's kind becomes an HTTP status. */
    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case MALFORMED -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
            case RATE_LIMITED -> 429;
        };
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        Response.ResponseBuilder builder =
                Response.status(status(e.kind()))
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(ApiError.of(e.problems().stream().map(ApiProblem::of).toList()));
        if (e.kind() == DomainException.Kind.RATE_LIMITED) {
            builder.header("Retry-After", "60");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unrecognized(UnrecognizedPropertyException e) {
        return json(
                400,
                ApiError.of(
                        "unknown field '" + e.getPropertyName() + "'", path(e), "unknown-field"));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String target = e.getTargetType() == null ? "value" : e.getTargetType().getSimpleName();
        String field = path(e);
        String message =
                field == null
                        ? "request body must be a JSON object"
                        : "'" + field + "' has the wrong type (expected " + describe(target) + ")";
        return json(400, ApiError.of(message, field, "type"));
    }

    @ServerExceptionMapper
    public Response badFormat(InvalidFormatException e) {
        return json(
                400,
                ApiError.of(
                        "'" + path(e) + "' has an invalid value '" + e.getValue() + "'",
                        path(e),
                        "type"));
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        return json(400, ApiError.of("request body is not valid JSON", null, "json"));
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        List<ApiProblem> problems =
                e.getConstraintViolations().stream()
                        .map(
                                v -> {
                                    String path = v.getPropertyPath().toString();
                                    String field = path.substring(path.lastIndexOf('.') + 1);
                                    return new ApiProblem(
                                            field + " " + v.getMessage(), field, "constraint");
                                })
                        .collect(Collectors.toList());
        return json(422, ApiError.of(problems));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return json(401, ApiError.of("login or API token required", null, "authentication"));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return json(401, ApiError.of("login or API token required", null, "authentication"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return json(403, ApiError.of("your role may not do this", null, "role"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return json(413, ApiError.of("request body too large", null, "size"));
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return wrongType(mismatch);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        if (e instanceof ClientErrorException || (status >= 400 && status < 500)) {
            String rule =
                    switch (status) {
                        case 404 -> "not-found";
                        case 405 -> "method";
                        case 400 -> "json";
                        case 406, 415 -> "media-type";
                        default -> "request";
                    };
            String message = status == 404 ? "not found" : e.getMessage();
            return json(status, ApiError.of(message, null, rule));
        }
        return unexpected(e);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e) {
        Optional<SQLException> unavailable = DatabaseUnavailable.in(e);
        if (unavailable.isPresent()) {
            // one line: during a database restart every request in flight lands here
            LOG.warnf(
                    "Database unavailable (SQLSTATE %s): %s",
                    unavailable.get().getSQLState(), unavailable.get().getMessage());
            return Response.status(503)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", RETRY_AFTER_UNAVAILABLE_S)
                    .entity(
                            ApiError.of(
                                    "the database is unavailable for a moment; try again",
                                    null,
                                    "unavailable"))
                    .build();
        }
        LOG.error("Request failed", e);
        return json(500, ApiError.of("internal error", null, "internal"));
    }

    private static String path(JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m)
                || m.getPath().isEmpty()) {
            return null;
        }
        return m.getPath().stream()
                .map(
                        ref ->
                                ref.getFieldName() != null
                                        ? ref.getFieldName()
                                        : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static String describe(String javaType) {
        return switch (javaType) {
            case "Integer", "int", "Long", "long" -> "an integer";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            default -> "a " + javaType;
        };
    }
}
