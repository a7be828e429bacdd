package dev.herald.consumer;

/** A record that no retry can ever process: it is dead-lettered and the consumer moves on. */
public class UnprocessableEvent extends RuntimeException {

    private final DeadLetterReason reason;

    public UnprocessableEvent(DeadLetterReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public UnprocessableEvent(DeadLetterReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
