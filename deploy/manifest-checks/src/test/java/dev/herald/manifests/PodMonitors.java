package dev.herald.manifests;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Prometheus Operator's {@code PodMonitor}, read strictly into the fields Herald writes: a field outside them is
 * reported, as a typo would be. The operator's CRD is not vendored here, so this is no full schema check.
 */
final class PodMonitors {

    static final String TYPE = "monitoring.coreos.com/v1 PodMonitor";

    record PodMonitor(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {
    }

    record Spec(LabelSelector selector, List<Endpoint> podMetricsEndpoints) {
    }

    record Endpoint(String port, String path, String interval) {
    }

    private PodMonitors() {
    }

    static boolean knows(JsonNode manifest) {
        return TYPE.equals(manifest.path("apiVersion").asText() + " " + manifest.path("kind").asText());
    }

    static void check(ObjectNode manifest, List<String> problems) {
        String where = KustomizeBuild.id(manifest);
        PodMonitor monitor = read(manifest, problems);
        if (monitor == null) {
            return;
        }
        UnknownFields.in(monitor.metadata()).forEach(path -> problems.add(where + ": unknown field metadata." + path));
        if (monitor.spec() == null || monitor.spec().selector() == null || monitor.spec().podMetricsEndpoints() == null) {
            problems.add(where + ": missing required field spec.selector or spec.podMetricsEndpoints");
            return;
        }
        UnknownFields.in(monitor.spec().selector()).forEach(path -> problems.add(where + ": unknown field spec.selector." + path));
    }

    /** The monitor, or null when it does not bind (the reason is added to problems). */
    static PodMonitor read(JsonNode manifest, List<String> problems) {
        try {
            return Yaml.MAPPER.treeToValue(manifest, PodMonitor.class);
        } catch (JsonProcessingException e) {
            problems.add(KustomizeBuild.id(manifest) + ": " + e.getOriginalMessage());
            return null;
        }
    }
}
