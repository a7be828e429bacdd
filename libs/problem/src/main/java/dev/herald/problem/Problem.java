package dev.herald.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document; {@code errors} names each invalid field, {@code errorId} (on a 500 only) is the id
 * under which the server logged the failure.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors,
        String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    /** A query parameter that cannot be read, named as the field at fault. */
    public static Problem invalidParameter(String path, String parameter, String message) {
        return new Problem(ProblemMappers.VALIDATION, "Invalid request", 400, "The query parameter '" + parameter
                + "' cannot be read", path, List.of(new FieldError(parameter, message)));
    }

    /** The document of a failure the caller can fix, as the mappers and the early routes answer it alike. */
    public static Problem of(ProblemException e, String path) {
        URI type = switch (e.status()) {
            case 400 -> ProblemMappers.VALIDATION;
            case 409 -> ProblemMappers.CONFLICT;
            default -> ProblemMappers.BLANK;
        };
        return new Problem(type, e.title(), e.status(), e.getMessage(), path, e.errors());
    }

    /** An address that nothing serves. */
    public static Problem notFound(String path) {
        return new Problem(ProblemMappers.BLANK, "Not Found", 404, "Nothing is served at " + path, path, List.of());
    }
}
