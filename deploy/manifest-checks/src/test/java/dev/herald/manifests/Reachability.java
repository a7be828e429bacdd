package dev.herald.manifests;

import java.util.Map;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;

/** Which container port an Ingress backend leads to, and whom the NetworkPolicies let in to a port. */
final class Reachability {

    private Reachability() {
    }

    /** Whether the backend's Service port, through its targetPort, is that container port of the pods the Service selects. */
    static boolean reaches(Assembly assembly, IngressServiceBackend backend, Deployment deployment, int containerPort) {
        return assembly.named(Service.class, backend.getName()).stream()
                .filter(s -> Labels.matches(s.getSpec().getSelector() == null ? Map.of() : s.getSpec().getSelector(),
                        Labels.podLabels(deployment)))
                .flatMap(s -> s.getSpec().getPorts().stream())
                .filter(p -> backend.getPort().getName() != null ? backend.getPort().getName().equals(p.getName())
                        : backend.getPort().getNumber().equals(p.getPort()))
                .map(Reachability::targetPort)
                .anyMatch(target -> Integer.valueOf(containerPort).equals(ReferenceChecks.containerPort(deployment, target)));
    }

    /** Whether a policy selecting the pods admits that namespace (or anyone) to the container port. */
    static boolean admits(Assembly assembly, Deployment deployment, int containerPort, String namespace) {
        return assembly.all(NetworkPolicy.class).stream()
                .filter(p -> Labels.matches(Labels.matchLabels(p.getSpec().getPodSelector()), Labels.podLabels(deployment)))
                .flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> from(rule, namespace) && (rule.getPorts().isEmpty() || rule.getPorts().stream()
                        .anyMatch(p -> p.getPort() != null && Integer.valueOf(containerPort).equals(p.getPort().getIntVal()))));
    }

    private static boolean from(NetworkPolicyIngressRule rule, String namespace) {
        return rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(peer -> peer.getPodSelector() == null
                && namespace.equals(Labels.matchLabels(peer.getNamespaceSelector()).get("kubernetes.io/metadata.name")));
    }

    private static IntOrString targetPort(ServicePort port) {
        return port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
    }
}
