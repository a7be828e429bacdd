package dev.herald.manifests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * Each service's management interface ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi}): a container port
 * the probes and Prometheus reach, that a PodMonitor scrapes, and that no Ingress path leads to.
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
            if (!Reachability.admits(assembly, deployment.get(), port, MONITORING_NAMESPACE)) {
                problems.add("nothing admits namespace " + MONITORING_NAMESPACE + " to " + service + " on its management port " + port);
            }
            if (!scraped(assembly, deployment.get(), port, config.metricsPath())) {
                problems.add("no PodMonitor scrapes " + config.metricsPath() + " on the management port " + port + " of " + service);
            }
            for (Ingress ingress : assembly.all(Ingress.class)) {
                ingress.getSpec().getRules().stream().flatMap(rule -> rule.getHttp().getPaths().stream())
                        .filter(path -> Reachability.reaches(assembly, path.getBackend().getService(), deployment.get(), port))
                        .map(HTTPIngressPath::getPath)
                        .forEach(path -> problems.add("Ingress " + ingress.getMetadata().getName() + " routes " + path
                                + " to the management port " + port + " of " + service));
            }
        }
    }

    private static boolean scraped(Assembly assembly, Deployment deployment, int containerPort, String metricsPath) {
        return assembly.custom("PodMonitor").stream().map(manifest -> PodMonitors.read(manifest, new ArrayList<>()))
                .filter(monitor -> monitor != null && monitor.spec() != null && monitor.spec().podMetricsEndpoints() != null
                        && Labels.matches(Labels.matchLabels(monitor.spec().selector()), Labels.podLabels(deployment)))
                .flatMap(monitor -> monitor.spec().podMetricsEndpoints().stream())
                .anyMatch(endpoint -> metricsPath.equals(endpoint.path()) && endpoint.port() != null
                        && Integer.valueOf(containerPort).equals(ReferenceChecks.containerPort(deployment, new IntOrString(endpoint.port()))));
    }

    private static List<Integer> containerPorts(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> c.getPorts().stream()).map(p -> p.getContainerPort()).toList();
    }
}
