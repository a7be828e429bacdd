package dev.herald.manifests;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Required fields the typed model does not enforce, and the hardening every Herald workload must have. */
final class WorkloadChecks {

    // the API server's rule for object names (a DNS subdomain) and for port names (an IANA service name)
    private static final java.util.regex.Pattern OBJECT_NAME = java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final java.util.regex.Pattern PORT_NAME = java.util.regex.Pattern.compile("(?=.{1,15}$)(?=.*[a-z])[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private WorkloadChecks() {
    }

    static void check(Assembly assembly, List<String> problems) {
        for (HasMetadata resource : assembly.typed()) {
            if (resource.getMetadata() == null || blank(resource.getMetadata().getName())) {
                problems.add(resource.getKind() + ": missing required field metadata.name");
            } else if (!OBJECT_NAME.matcher(resource.getMetadata().getName()).matches() || resource.getMetadata().getName().length() > 253) {
                problems.add(resource.getKind() + " " + resource.getMetadata().getName() + ": not a valid object name");
            }
        }
        assembly.all(Deployment.class).forEach(d -> checkDeployment(d, problems));
        for (Service service : assembly.all(Service.class)) {
            if (service.getSpec() == null || service.getSpec().getPorts() == null || service.getSpec().getPorts().isEmpty()) {
                problems.add("Service " + service.getMetadata().getName() + ": missing required field spec.ports");
            } else {
                service.getSpec().getPorts().stream().filter(p -> p.getPort() == null)
                        .forEach(p -> problems.add("Service " + service.getMetadata().getName() + ": missing required field spec.ports[].port"));
            }
        }
    }

    private static void checkDeployment(Deployment deployment, List<String> problems) {
        String where = "Deployment " + deployment.getMetadata().getName();
        if (deployment.getSpec() == null || deployment.getSpec().getTemplate() == null || deployment.getSpec().getTemplate().getSpec() == null) {
            problems.add(where + ": missing required field spec.template.spec");
            return;
        }
        Map<String, String> selector = Labels.matchLabels(deployment.getSpec().getSelector());
        if (selector.isEmpty()) {
            problems.add(where + ": missing required field spec.selector.matchLabels");
        } else if (!Labels.matches(selector, Labels.podLabels(deployment))) {
            problems.add(where + ": spec.selector does not match the pod template's labels");
        }
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        if (pod.getContainers() == null || pod.getContainers().isEmpty()) {
            problems.add(where + ": missing required field spec.template.spec.containers");
            return;
        }
        boolean podNonRoot = pod.getSecurityContext() != null && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot());
        for (Container container : pod.getContainers()) {
            String at = where + " container " + container.getName();
            if (blank(container.getName()) || blank(container.getImage())) {
                problems.add(at + ": missing required field name or image");
            }
            container.getPorts().stream().filter(p -> p.getContainerPort() == null)
                    .forEach(p -> problems.add(at + ": missing required field ports[].containerPort"));
            container.getPorts().stream().filter(p -> p.getName() != null && !PORT_NAME.matcher(p.getName()).matches())
                    .forEach(p -> problems.add(at + ": port name " + p.getName() + " is not a valid port name"));
            checkResources(container, at, problems);
            checkProbe(container.getStartupProbe(), "startupProbe", at, problems);
            checkProbe(container.getReadinessProbe(), "readinessProbe", at, problems);
            checkProbe(container.getLivenessProbe(), "livenessProbe", at, problems);
            var security = container.getSecurityContext();
            if (!podNonRoot && (security == null || !Boolean.TRUE.equals(security.getRunAsNonRoot()))) {
                problems.add(at + ": must set runAsNonRoot");
            }
            if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem()) || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                problems.add(at + ": must set readOnlyRootFilesystem: true and allowPrivilegeEscalation: false");
            }
            checkTmp(container, pod, at, problems);
        }
    }

    private static void checkResources(Container container, String at, List<String> problems) {
        Map<String, Quantity> requests = container.getResources() == null ? Map.of() : container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources() == null ? Map.of() : container.getResources().getLimits();
        if (requests == null || !requests.containsKey("cpu") || !requests.containsKey("memory") || limits == null || !limits.containsKey("memory")) {
            problems.add(at + ": must request cpu and memory and limit memory");
        }
    }

    private static void checkProbe(Probe probe, String name, String at, List<String> problems) {
        if (probe == null) {
            problems.add(at + ": missing " + name);
            return;
        }
        long handlers = java.util.stream.Stream.of(probe.getHttpGet(), probe.getTcpSocket(), probe.getExec(), probe.getGrpc())
                .filter(java.util.Objects::nonNull).count();
        if (handlers != 1) {
            problems.add(at + ": " + name + " must have exactly one handler, has " + handlers);
        } else if (probe.getHttpGet() != null && (blank(probe.getHttpGet().getPath()) || probe.getHttpGet().getPort() == null)) {
            problems.add(at + ": " + name + ".httpGet needs path and port");
        }
    }

    // with a read-only root filesystem the JVM still needs a writable /tmp
    private static void checkTmp(Container container, PodSpec pod, String at, List<String> problems) {
        Optional<String> tmpVolume = container.getVolumeMounts().stream()
                .filter(m -> "/tmp".equals(m.getMountPath())).map(m -> m.getName()).findFirst();
        boolean emptyDir = tmpVolume.isPresent() && pod.getVolumes().stream()
                .anyMatch((Volume v) -> v.getName().equals(tmpVolume.get()) && v.getEmptyDir() != null);
        if (!emptyDir) {
            problems.add(at + ": /tmp must be mounted from an emptyDir volume");
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
