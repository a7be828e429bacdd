package dev.herald.manifests;

import java.nio.file.Path;
import java.util.Set;

/** The repository the checks read, and the facts of its overlays. */
final class Repo {

    /** Secrets the prod overlay expects the operator to create before applying it (deploy/README-deploy.md). */
    static final Set<String> PROD_EXTERNAL_SECRETS = Set.of("herald-db-attendees", "herald-db-content", "herald-db-feed",
            "herald-deliveries");

    private Repo() {
    }

    static Path root() {
        return Path.of(System.getProperty("herald.repo", "../..")).toAbsolutePath().normalize();
    }

    static Set<String> externalSecrets(String overlay) {
        return overlay.equals("prod") ? PROD_EXTERNAL_SECRETS : Set.of();
    }
}
