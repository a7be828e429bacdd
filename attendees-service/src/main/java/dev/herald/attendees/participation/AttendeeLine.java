package dev.herald.attendees.participation;

import java.util.List;

import dev.herald.problem.FieldError;

/** One row of an attendee list as read, before it is checked: a person slug or name and role names. */
record AttendeeLine(int row, String person, List<String> roles, List<FieldError> errors) {

    static AttendeeLine unreadable(int row, String field, String message) {
        return new AttendeeLine(row, null, List.of(), List.of(new FieldError(field, message)));
    }
}
