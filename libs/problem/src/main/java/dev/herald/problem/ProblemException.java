package dev.herald.problem;

import java.util.List;

/** A failure the caller can fix, answered as a problem document with the given status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "Not Found", what + " '" + id + "' does not exist", List.of());
    }

    public static ProblemException conflict(String field, String message) {
        return new ProblemException(409, "Conflict", message, List.of(new FieldError(field, message)));
    }

    /** A write whose {@code If-Match} names an entity tag that is no longer current. */
    public static ProblemException preconditionFailed(String message) {
        return new ProblemException(412, "Precondition Failed", message, List.of(new FieldError("If-Match", message)));
    }

    public static ProblemException tooLarge(String field, String message) {
        return new ProblemException(413, "Content Too Large", message, List.of(new FieldError(field, message)));
    }

    public static ProblemException unsupported(String field, String message) {
        return new ProblemException(415, "Unsupported Media Type", message, List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "Invalid request", "The request has invalid fields", errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
