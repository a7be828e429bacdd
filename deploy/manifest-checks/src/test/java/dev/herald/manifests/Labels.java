package dev.herald.manifests;

import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Label selection as Kubernetes does it, for the matchLabels form Herald uses. */
final class Labels {

    private Labels() {
    }

    static Map<String, String> matchLabels(LabelSelector selector) {
        return selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    }

    static Map<String, String> podLabels(Deployment deployment) {
        var metadata = deployment.getSpec().getTemplate().getMetadata();
        return metadata == null || metadata.getLabels() == null ? Map.of() : metadata.getLabels();
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
