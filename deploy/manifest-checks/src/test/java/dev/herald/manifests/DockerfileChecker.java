package dev.herald.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Each service's Dockerfile.jvm: Quarkus's fast-jar layout, the service's port, a non-root user. */
final class DockerfileChecker {

    static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";

    private DockerfileChecker() {
    }

    static List<String> check(Path repo) {
        List<String> problems = new ArrayList<>();
        for (String service : ServiceConfig.SERVICES) {
            Path file = repo.resolve(service).resolve(DOCKERFILE);
            List<String> lines;
            try {
                lines = Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.startsWith("#")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ServiceConfig config = ServiceConfig.load(repo, service);
            int port = config.httpPort();
            expect(lines, "FROM registry.access.redhat.com/ubi9/openjdk-17-runtime", service, problems);
            expect(lines, "COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/", service, problems);
            expect(lines, "COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/", service, problems);
            expect(lines, "EXPOSE " + port + (config.healthPort() == port ? "" : " " + config.healthPort()), service, problems);
            expect(lines, "USER 185", service, problems);
        }
        return problems;
    }

    private static void expect(List<String> lines, String prefix, String service, List<String> problems) {
        if (lines.stream().noneMatch(l -> l.equals(prefix) || l.startsWith(prefix + ":") || l.startsWith(prefix + " "))) {
            problems.add(service + "/" + DOCKERFILE + ": missing '" + prefix + "'");
        }
    }
}
