package dev.herald.attendees.api;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.herald.problem.ProblemException;

/** Query parameters naming an enum value, answered with a problem naming the parameter when unknown. */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.invalid(field, "must be one of: " + allowed);
        }
    }
}
