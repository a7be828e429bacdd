package dev.herald.manifests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/**
 * Each service's management interface ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi}): a container port
 * the probes and Prometheus reach, and one that no Ingress path leads to.
 */
final class ManagementPortChecks {

    // where Prometheus runs (README: requirements)
    private static final String MONITORING_NAMESPACE = "monitoring";

    private ManagementPortChecks() {
    }

    static void check(Assembly assembly, Path repo, List<String> problems) {
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.load(repo, service);
            Optional<Deployment> deployment = assembly.named(Deployment.class, service);
            // ServiceWiringChecks reports a missing Deployment, and probes on the wrong port
            if (deployment.isEmpty() || config.healthPort() == config.httpPort()) {
                continue;
            }
            int port = config.healthPort();
            if (!containerPorts(deployment.get()).contains(port)) {
                problems.add("Deployment " + service + ": no container port " + port + " (quarkus.management.port)");
            }
            if (!admitsMonitoring(assembly, deployment.get(), port)) {
                problems.add("nothing admits namespace " + MONITORING_NAMESPACE + " to " + service + " on its management port " + port);
            }
            for (Ingress ingress : assembly.all(Ingress.class)) {
                ingress.getSpec().getRules().stream().flatMap(rule -> rule.getHttp().getPaths().stream())
                        .filter(path -> reaches(assembly, path.getBackend().getService(), deployment.get(), port))
                        .map(HTTPIngressPath::getPath)
                        .forEach(path -> problems.add("Ingress " + ingress.getMetadata().getName() + " routes " + path
                                + " to the management port " + port + " of " + service));
            }
        }
    }

    private static List<Integer> containerPorts(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> c.getPorts().stream()).map(p -> p.getContainerPort()).toList();
    }

    // the backend's Service port, through its targetPort, to a container port of the pods the Service selects
    private static boolean reaches(Assembly assembly, IngressServiceBackend backend, Deployment deployment, int containerPort) {
        return assembly.named(Service.class, backend.getName()).stream()
                .filter(s -> Labels.matches(s.getSpec().getSelector() == null ? Map.of() : s.getSpec().getSelector(),
                        Labels.podLabels(deployment)))
                .flatMap(s -> s.getSpec().getPorts().stream())
                .filter(p -> backend.getPort().getName() != null ? backend.getPort().getName().equals(p.getName())
                        : backend.getPort().getNumber().equals(p.getPort()))
                .map(ManagementPortChecks::targetPort)
                .anyMatch(target -> Integer.valueOf(containerPort).equals(ReferenceChecks.containerPort(deployment, target)));
    }

    private static IntOrString targetPort(ServicePort port) {
        return port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
    }

    private static boolean admitsMonitoring(Assembly assembly, Deployment deployment, int containerPort) {
        return assembly.all(NetworkPolicy.class).stream()
                .filter(p -> Labels.matches(Labels.matchLabels(p.getSpec().getPodSelector()), Labels.podLabels(deployment)))
                .flatMap(p -> p.getSpec().getIngress().stream())
                .filter(rule -> rule.getFrom().stream().anyMatch(peer -> MONITORING_NAMESPACE.equals(
                        Labels.matchLabels(peer.getNamespaceSelector()).get("kubernetes.io/metadata.name"))))
                .anyMatch(rule -> rule.getPorts().isEmpty() || rule.getPorts().stream()
                        .anyMatch(p -> p.getPort() != null && Integer.valueOf(containerPort).equals(p.getPort().getIntVal())));
    }
}
