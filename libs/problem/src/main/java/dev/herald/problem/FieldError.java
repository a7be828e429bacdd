package dev.herald.problem;

/** One invalid field of a request: its JSON path (e.g. {@code name}, {@code links[0].url}) and what is wrong. */
public record FieldError(String field, String message) {
}
