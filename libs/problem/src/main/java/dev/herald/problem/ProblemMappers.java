package dev.herald.problem;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.vertx.core.http.HttpServerRequest;

/** Turns every failure of a call into an RFC 9457 problem document; nothing answers with an HTML error page. */
public class ProblemMappers {

    static final URI VALIDATION = URI.create("https://herald.dev/problems/invalid-request");
    static final URI CONFLICT = URI.create("https://herald.dev/problems/conflict");
    static final URI BLANK = URI.create("about:blank");

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(Problem.of(e, uri.getPath()));
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
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return respond(Problem.invalidParameter(uri.getPath(), e.parameter(), e.getMessage()));
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
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e, Request request, UriInfo uri) {
        String state = e.getSQLState();
        if (!"23505".equals(state) && !"23503".equals(state)) {
            return unexpected(e, request, uri);
        }
        String detail = "23505".equals(state) ? "The change would duplicate stored data" : "Stored data still refers to this";
        return respond(new Problem(CONFLICT, "Conflict", 409, detail + " (" + e.getConstraintName() + ")", uri.getPath(),
                List.of()));
    }

    /** Two writers raced on one versioned row: the later one is refused instead of overwriting the first. */
    @ServerExceptionMapper
    public Response staleWrite(StaleStateException e, UriInfo uri) {
        return staleWrite(uri);
    }

    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e, UriInfo uri) {
        return staleWrite(uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        Response given = e.getResponse();
        Response.StatusType status = given.getStatusInfo();
        Response.ResponseBuilder response = Response.status(status.getStatusCode());
        // keep what the status needs, e.g. Allow on a 405
        given.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        Problem problem = new Problem(BLANK, status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), uri.getPath(),
                List.of());
        return response.type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * A request whose reading failed after its answer was sent (Quarkus' own 413 once a body passes
     * quarkus.http.limits.max-body-size): no bug and nothing left to answer, so logged as Quarkus logs a client gone.
     */
    @ServerExceptionMapper
    public Response unreadableRequest(IOException e, HttpServerRequest request, UriInfo uri) {
        if (request.response().ended()) {
            LOG.debugf(e, "Reading %s %s failed after it was answered (%d)", request.method(), uri.getPath(),
                    request.response().getStatusCode());
            return null; // nothing more is written
        }
        return failed(e, request.method().name(), uri.getPath());
    }

    /** Anything else is a bug: the caller gets an id to quote, the log gets the stack trace, nobody gets internals. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, Request request, UriInfo uri) {
        if (e instanceof CompletionException && e.getCause() != null) {
            Throwable cause = e.getCause();
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                return staleWrite(uri);
            }
        }
        return failed(e, request.getMethod(), uri.getPath());
    }

    /** 503 with Retry-After when a database or broker is out of reach (it heals), else a logged 500. */
    public static Response failed(Throwable e, String method, String path) {
        return Unavailable.problem(e, method, path)
                .map(problem -> Response.fromResponse(respond(problem)).header(HttpHeaders.RETRY_AFTER, Unavailable.RETRY_AFTER_SECONDS).build())
                .orElseGet(() -> respond(InternalErrors.logged(e, method, path)));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response staleWrite(UriInfo uri) {
        return respond(new Problem(CONFLICT, "Conflict", 409,
                "Another request changed this resource at the same time; read it again and retry", uri.getPath(), List.of()));
    }

    private static Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : "";
        String message = e instanceof UnrecognizedPropertyException ? "is not a known field"
                : e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                        ? "must be " + jsonType(mismatch.getTargetType())
                        : "is not valid JSON";
        return respond(new Problem(VALIDATION, "Invalid request", 400, "The request body cannot be read",
                uri.getPath(), List.of(new FieldError(field.isEmpty() ? "body" : field, message))));
    }

    /** What the client must send, in JSON's words rather than the Java class the body is read into. */
    private static String jsonType(Class<?> type) {
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class || type.isEnum() || type == UUID.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return type.isRecord() || Map.class.isAssignableFrom(type) ? "an object" : "a valid " + type.getSimpleName();
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

    /**
     * The path inside the request body, without the method and parameter names that Bean Validation puts first; a
     * constraint on a query, path or header parameter itself is named by that parameter.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        Path.MethodNode method = null;
        Path.ParameterNode parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> method = node.as(Path.MethodNode.class);
                case PARAMETER -> parameter = node.as(Path.ParameterNode.class);
                case CROSS_PARAMETER, CONTAINER_ELEMENT, RETURN_VALUE, CONSTRUCTOR -> {
                }
                default -> {
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        if (method != null && parameter != null) {
            String name = requestParameterName(violation.getRootBeanClass(), method, parameter.getParameterIndex());
            if (name != null) {
                return name;
            }
        }
        return "body";
    }

    /** The name a request gives the parameter ({@code @QueryParam("page")}), or null for the body. */
    private static String requestParameterName(Class<?> resource, Path.MethodNode node, int index) {
        Class<?>[] types = node.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Method method = type.getDeclaredMethod(node.getName(), types);
                for (Annotation annotation : method.getParameterAnnotations()[index]) {
                    String name = nameOf(annotation);
                    if (name != null) {
                        return name;
                    }
                }
            } catch (NoSuchMethodException e) {
                // declared further up
            }
        }
        return null;
    }

    private static String nameOf(Annotation annotation) {
        if (annotation instanceof QueryParam query) {
            return query.value();
        }
        if (annotation instanceof PathParam path) {
            return path.value();
        }
        if (annotation instanceof HeaderParam header) {
            return header.value();
        }
        if (annotation instanceof FormParam form) {
            return form.value();
        }
        return annotation instanceof CookieParam cookie ? cookie.value() : null;
    }
}
