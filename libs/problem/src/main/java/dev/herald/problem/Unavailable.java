package dev.herald.problem;

import java.net.SocketException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * A failure that is not the request's fault nor a bug: a database or broker the service needs cannot be reached
 * (refused or reset, the connection dropped mid-query, or PostgreSQL shutting down or still recovering from a crash). It heals
 * by itself, so the answer is 503 with Retry-After, logged as one line rather than as an unexpected error.
 */
public final class Unavailable {

    /** Seconds a client should wait before asking again. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger LOG = Logger.getLogger(Unavailable.class);

    private Unavailable() {
    }

    /** Whether the failure, or one of its causes, is a connection that could not be made, was reset or was lost. */
    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SocketException || cause instanceof ClosedConnectionException
                    || cause instanceof DatabaseException database && connectionState(database.getSqlState())
                    || cause instanceof SQLException jdbc && connectionState(jdbc.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) or 57P (admin or crash shutdown, cannot connect now: recovering). */
    private static boolean connectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }

    /** The 503 problem for a request that failed so, logged at warning level; empty for any other failure. */
    static Optional<Problem> problem(Throwable failure, String method, String path) {
        if (!is(failure)) {
            return Optional.empty();
        }
        LOG.warnf("%s %s answered 503: %s", method, path, failure);
        return Optional.of(new Problem(ProblemMappers.BLANK, "Service Unavailable", 503,
                "A database or broker this request needs cannot be reached now; try again in a few seconds", path, List.of()));
    }
}
