package dev.herald.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds a kustomization directory with {@code kubectl kustomize} (Kustomize v5), exactly as {@code kubectl apply -k} would. */
final class KustomizeBuild {

    private KustomizeBuild() {
    }

    static List<ObjectNode> build(Path directory) {
        try {
            Path errors = Files.createTempFile("kustomize-", ".err");
            try {
                Process kubectl = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                        .redirectError(errors.toFile()).start();
                String manifests = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                    throw new IllegalArgumentException("kubectl kustomize " + directory + ": " + Files.readString(errors).trim());
                }
                return Yaml.readAll(manifests, "kubectl kustomize " + directory);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl (with Kustomize v5) is needed to build " + directory + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String id(JsonNode resource) {
        return resource.path("apiVersion").asText() + " " + resource.path("kind").asText() + " " + resource.path("metadata").path("name").asText();
    }
}
