package dev.herald.consumer;

import java.util.Optional;
import java.util.Set;

import io.vertx.pgclient.PgException;

/**
 * Tells a failure that can heal (the database or broker away, a lock timeout, a deadlock) from one that never will.
 * Only an {@link UnprocessableEvent} and PostgreSQL refusing the data itself are final; anything else is retried,
 * because skipping a record that could have been applied loses it.
 */
final class Failures {

    // SQLSTATE classes about the data: data exception, integrity constraint violation, program limit exceeded
    private static final Set<String> DATA_ERROR_CLASSES = Set.of("22", "23", "54");

    private Failures() {
    }

    static Optional<UnprocessableEvent> unprocessable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnprocessableEvent unprocessable) {
                return Optional.of(unprocessable);
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && DATA_ERROR_CLASSES.contains(pg.getSqlState().substring(0, 2))) {
                return Optional.of(new UnprocessableEvent(DeadLetterReason.REJECTED,
                        "the database refused the data: " + pg.getMessage(), pg));
            }
        }
        return Optional.empty();
    }

    static boolean canHeal(Throwable failure) {
        return unprocessable(failure).isEmpty();
    }
}
