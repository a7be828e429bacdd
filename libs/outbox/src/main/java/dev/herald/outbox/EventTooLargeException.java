package dev.herald.outbox;

import java.util.List;

import dev.herald.problem.FieldError;
import dev.herald.problem.ProblemException;

/** An event whose data could never be sent as one Kafka record; refused when recorded, so nothing is stored. */
public class EventTooLargeException extends ProblemException {

    private final long bytes;
    private final long limit;

    EventTooLargeException(String type, long bytes, long limit) {
        super(413, "Content Too Large", message(type, bytes, limit), List.of(new FieldError("event", message(type, bytes, limit))));
        this.bytes = bytes;
        this.limit = limit;
    }

    private static String message(String type, long bytes, long limit) {
        return "the " + type + " event would carry " + bytes + " bytes; at most " + limit + " fit in one Kafka record";
    }

    /** The same refusal naming the input field that made the event too large. */
    public ProblemException naming(String field) {
        String message = "is too large to announce: its event would carry " + bytes + " bytes, at most " + limit
                + " fit in one Kafka record";
        return ProblemException.tooLarge(field, message);
    }
}
