package dev.herald.outbox;

import java.util.Set;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/** What became of one record: acknowledged, refused for good (to be parked), or not yet (to be retried). */
record SendOutcome(Kind kind, String reason) {

    enum Kind { SENT, REFUSED, NOT_YET }

    /** Failures that sending the same record again can never heal; anything else (broker away, timeout) can. */
    private static final Set<Class<? extends Throwable>> FOR_GOOD = Set.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidRecordException.class, SerializationException.class,
            InvalidTopicException.class);

    static SendOutcome sent() {
        return new SendOutcome(Kind.SENT, null);
    }

    static SendOutcome refused(String reason) {
        return new SendOutcome(Kind.REFUSED, reason);
    }

    static SendOutcome notYet(String reason) {
        return new SendOutcome(Kind.NOT_YET, reason);
    }

    static SendOutcome of(Throwable failure) {
        // the connector may wrap the producer's exception
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Throwable current = cause;
            if (FOR_GOOD.stream().anyMatch(kind -> kind.isInstance(current))) {
                return refused(current.getClass().getSimpleName() + ": " + current.getMessage());
            }
        }
        return notYet(failure.toString());
    }
}
