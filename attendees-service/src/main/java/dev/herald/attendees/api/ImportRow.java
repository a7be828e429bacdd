package dev.herald.attendees.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

import dev.herald.problem.FieldError;
import dev.herald.problem.LowerCaseEnumNaming;

/** One imported row: its position in the input, what it was about, and what happened to it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImportRow(int row, String key, Status status, List<FieldError> errors) {

    @EnumNaming(LowerCaseEnumNaming.class)
    public enum Status {
        CREATED, UPDATED, UNCHANGED, FAILED
    }

    public static ImportRow of(int row, String key, Status status) {
        return new ImportRow(row, key, status, List.of());
    }

    public static ImportRow failed(int row, String key, List<FieldError> errors) {
        return new ImportRow(row, key, Status.FAILED, errors);
    }
}
