package dev.herald.problem;

import java.util.Locale;

/** Who gets a problem document rather than a service's own HTML page: API calls, and clients that ask for JSON. */
public final class ProblemClients {

    private ProblemClients() {
    }

    public static boolean wantProblem(String path, String accept) {
        if (path != null && (path.equals("/api") || path.startsWith("/api/"))) {
            return true;
        }
        String accepted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return accepted.contains("json") && !accepted.contains("text/html");
    }
}
