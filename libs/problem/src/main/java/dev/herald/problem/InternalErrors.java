package dev.herald.problem;

import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

/** A failure nobody foresaw: logged whole under a fresh id, answered as a 500 that carries only that id. */
final class InternalErrors {

    private static final Logger LOG = Logger.getLogger(InternalErrors.class);

    private InternalErrors() {
    }

    static Problem logged(Throwable failure, String method, String path) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure %s on %s %s", id, method, path);
        return new Problem(ProblemMappers.BLANK, "Internal Server Error", 500,
                "The server failed to handle this request; quote error id " + id + " when reporting it", path, List.of(),
                id);
    }
}
