package dev.herald.consumer;

/** Why a record can never be processed; the value of the {@code dead-letter-reason} header and the metric's label. */
public enum DeadLetterReason {
    NO_CLOUDEVENTS_HEADERS("no-cloudevents-headers"),
    NO_KEY("no-key"),
    NOT_JSON("not-json"),
    SCHEMA_VIOLATION("schema-violation"),
    KEY_MISMATCH("key-mismatch"),
    /** the handler or the database refused the event's data */
    REJECTED("rejected");

    public final String code;

    DeadLetterReason(String code) {
        this.code = code;
    }
}
