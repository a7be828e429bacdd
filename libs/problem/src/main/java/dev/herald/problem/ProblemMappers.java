package dev.herald.problem;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Turns every failure of an {@code /api} call into an RFC 9457 problem document. */
public class ProblemMappers {

    private static final URI VALIDATION = URI.create("https://herald.dev/problems/invalid-request");
    private static final URI CONFLICT = URI.create("https://herald.dev/problems/conflict");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        URI type = switch (e.status()) {
            case 400 -> VALIDATION;
            case 409 -> CONFLICT;
            default -> URI.create("about:blank");
        };
        return respond(new Problem(type, e.title(), e.status(), e.getMessage(), uri.getPath(), e.errors()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(new Problem(VALIDATION, "Invalid request", 400, "The request has invalid fields", uri.getPath(), errors));
    }

    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /** Races past the service's own checks: a unique or foreign key violation is a conflict, anything else a bug. */
    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        String state = e.getSQLState();
        if (!"23505".equals(state) && !"23503".equals(state)) {
            throw e;
        }
        String detail = "23505".equals(state) ? "The change would duplicate stored data" : "Stored data still refers to this";
        return respond(new Problem(CONFLICT, "Conflict", 409, detail + " (" + e.getConstraintName() + ")", uri.getPath(),
                List.of()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(new Problem(URI.create("about:blank"), status.getReasonPhrase(), status.getStatusCode(), e.getMessage(),
                uri.getPath(), List.of()));
    }

    private static Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : "";
        String message = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? "must be a valid " + mismatch.getTargetType().getSimpleName()
                : "is not valid JSON";
        return respond(new Problem(VALIDATION, "Invalid request", 400, "The request body cannot be read",
                uri.getPath(), List.of(new FieldError(field.isEmpty() ? "body" : field, message))));
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** The path inside the request body, without the method and parameter names that Bean Validation puts first. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
