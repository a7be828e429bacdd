package dev.herald.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

class KubernetesManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayIsSound(String overlay) {
        List<String> problems = KubernetesChecker.check(Repo.root(), overlay, Repo.externalSecrets(overlay));
        assertEquals(List.of(), problems, overlay + " overlay");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayHasEveryKindTheIssueAsksFor(String overlay) {
        List<String> kinds = KustomizeBuild.build(Repo.root().resolve("deploy/k8s/overlays").resolve(overlay)).stream()
                .map((ObjectNode m) -> m.path("kind").asText()).distinct().toList();
        for (String kind : List.of("Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "NetworkPolicy", "ConfigMap", "Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "PodMonitor")) {
            assertTrue(kinds.contains(kind), overlay + " lacks a " + kind);
        }
    }

    @Test
    void overlayTransformersApply() {
        List<ObjectNode> dev = KustomizeBuild.build(Repo.root().resolve("deploy/k8s/overlays/dev"));
        ObjectNode deployment = dev.stream().filter(m -> KustomizeBuild.id(m).equals("apps/v1 Deployment feed-service")).findFirst().orElseThrow();
        assertEquals("herald-dev", deployment.at("/metadata/namespace").asText());
        assertEquals("herald/feed-service:dev", deployment.at("/spec/template/spec/containers/0/image").asText());
        ObjectNode hpa = dev.stream().filter(m -> m.path("kind").asText().equals("HorizontalPodAutoscaler")).findFirst().orElseThrow();
        assertEquals(1, hpa.at("/spec/minReplicas").asInt(), "scale.yaml's patch");
        ObjectNode pool = dev.stream().filter(m -> m.path("kind").asText().equals("KafkaNodePool")).findFirst().orElseThrow();
        assertEquals("2Gi", pool.at("/spec/storage/volumes/0/size").asText(), "a custom resource's list is replaced whole");
    }
}
