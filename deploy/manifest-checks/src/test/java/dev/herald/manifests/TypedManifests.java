package dev.herald.manifests;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** Parses the built-in kinds Herald uses into fabric8's typed model, reporting wrong types and unknown fields. */
final class TypedManifests {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "v1 Service", Service.class,
            "apps/v1 Deployment", Deployment.class,
            "networking.k8s.io/v1 Ingress", Ingress.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class);

    private TypedManifests() {
    }

    static boolean isBuiltIn(JsonNode manifest) {
        return KINDS.containsKey(typeOf(manifest));
    }

    /** The typed object, or null when it could not be bound (the reason is added to problems). */
    static HasMetadata parse(ObjectNode manifest, List<String> problems) {
        String where = KustomizeBuild.id(manifest);
        try {
            HasMetadata typed = Yaml.MAPPER.treeToValue(manifest, KINDS.get(typeOf(manifest)));
            UnknownFields.in(typed).forEach(path -> problems.add(where + ": unknown field " + path));
            return typed;
        } catch (JsonProcessingException e) {
            problems.add(where + ": " + e.getOriginalMessage());
            return null;
        }
    }

    private static String typeOf(JsonNode manifest) {
        return manifest.path("apiVersion").asText() + " " + manifest.path("kind").asText();
    }
}
