package dev.herald.manifests;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** Cross-references between manifests: what one names must exist in another, as the cluster would need at run time. */
final class ReferenceChecks {

    private ReferenceChecks() {
    }

    /** @param externalSecrets Secrets the overlay expects to exist in the cluster already */
    static void check(Assembly assembly, Set<String> externalSecrets, List<String> problems) {
        assembly.all(Service.class).forEach(s -> checkService(s, assembly, problems));
        assembly.all(Ingress.class).forEach(i -> checkIngress(i, assembly, problems));
        for (HorizontalPodAutoscaler hpa : assembly.all(HorizontalPodAutoscaler.class)) {
            String where = "HorizontalPodAutoscaler " + hpa.getMetadata().getName();
            var target = hpa.getSpec().getScaleTargetRef();
            if (target == null || !"Deployment".equals(target.getKind()) || assembly.named(Deployment.class, target.getName()).isEmpty()) {
                problems.add(where + ": scaleTargetRef names no Deployment of this overlay");
            }
            if (hpa.getSpec().getMaxReplicas() == null || hpa.getSpec().getMinReplicas() != null && hpa.getSpec().getMinReplicas() > hpa.getSpec().getMaxReplicas()) {
                problems.add(where + ": needs maxReplicas >= minReplicas");
            }
        }
        for (PodDisruptionBudget pdb : assembly.all(PodDisruptionBudget.class)) {
            String where = "PodDisruptionBudget " + pdb.getMetadata().getName();
            if (selected(Labels.matchLabels(pdb.getSpec().getSelector()), assembly).isEmpty()) {
                problems.add(where + ": selector matches no pod template");
            }
            if ((pdb.getSpec().getMinAvailable() == null) == (pdb.getSpec().getMaxUnavailable() == null)) {
                problems.add(where + ": set exactly one of minAvailable and maxUnavailable");
            }
        }
        assembly.all(NetworkPolicy.class).forEach(p -> checkNetworkPolicy(p, assembly, problems));
        assembly.all(Deployment.class).forEach(d -> checkConfigReferences(d, assembly, externalSecrets, problems));
        checkConfigKeysUsed(assembly, problems);
    }

    // a key nobody reads is usually a misspelt one, which leaves the value meant for it unset
    private static void checkConfigKeysUsed(Assembly assembly, List<String> problems) {
        Set<String> used = assembly.all(Deployment.class).stream()
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                .flatMap(c -> c.getEnv().stream())
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null)
                .map(e -> e.getValueFrom().getConfigMapKeyRef().getName() + "/" + e.getValueFrom().getConfigMapKeyRef().getKey())
                .collect(java.util.stream.Collectors.toSet());
        for (ConfigMap configMap : assembly.all(ConfigMap.class)) {
            if (configMap.getData() != null) {
                configMap.getData().keySet().stream().map(key -> configMap.getMetadata().getName() + "/" + key)
                        .filter(key -> !used.contains(key))
                        .forEach(key -> problems.add("ConfigMap key " + key + " is read by no Deployment"));
            }
        }
    }

    static List<Deployment> selected(Map<String, String> selector, Assembly assembly) {
        return assembly.all(Deployment.class).stream().filter(d -> !selector.isEmpty() && Labels.matches(selector, Labels.podLabels(d))).toList();
    }

    private static void checkService(Service service, Assembly assembly, List<String> problems) {
        String where = "Service " + service.getMetadata().getName();
        List<Deployment> pods = selected(service.getSpec().getSelector() == null ? Map.of() : service.getSpec().getSelector(), assembly);
        if (pods.isEmpty()) {
            problems.add(where + ": selector matches no pod template");
            return;
        }
        for (ServicePort port : service.getSpec().getPorts()) {
            IntOrString target = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
            for (Deployment deployment : pods) {
                if (containerPort(deployment, target) == null) {
                    problems.add(where + ": targetPort " + target.getValue() + " is no container port of " + deployment.getMetadata().getName());
                }
            }
        }
    }

    /** The container port a named or numbered port refers to, or null. */
    static Integer containerPort(Deployment deployment, IntOrString port) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> c.getPorts().stream())
                .filter(p -> port.getIntVal() != null ? port.getIntVal().equals(p.getContainerPort()) : port.getStrVal().equals(p.getName()))
                .map(p -> p.getContainerPort()).findFirst().orElse(null);
    }

    private static void checkIngress(Ingress ingress, Assembly assembly, List<String> problems) {
        String where = "Ingress " + ingress.getMetadata().getName();
        ingress.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream()).forEach(path -> {
            if (!Set.of("Exact", "Prefix", "ImplementationSpecific").contains(String.valueOf(path.getPathType()))) {
                problems.add(where + ": path " + path.getPath() + " needs pathType Exact, Prefix or ImplementationSpecific");
            }
            var backend = path.getBackend().getService();
            var service = assembly.named(Service.class, backend.getName());
            if (service.isEmpty()) {
                problems.add(where + ": backend Service " + backend.getName() + " does not exist");
            } else if (service.get().getSpec().getPorts().stream().noneMatch(p -> backend.getPort().getName() != null
                    ? backend.getPort().getName().equals(p.getName()) : backend.getPort().getNumber().equals(p.getPort()))) {
                problems.add(where + ": backend port is not a port of Service " + backend.getName());
            }
        });
    }

    // a policy either selects Herald's pods, whose ports it must name correctly, or an operator's pods by its cluster label
    private static void checkNetworkPolicy(NetworkPolicy policy, Assembly assembly, List<String> problems) {
        String where = "NetworkPolicy " + policy.getMetadata().getName();
        if (policy.getSpec().getPodSelector() == null) {
            problems.add(where + ": missing required field spec.podSelector");
            return;
        }
        Map<String, String> selector = Labels.matchLabels(policy.getSpec().getPodSelector());
        if (selector.isEmpty()) {
            return;
        }
        if (selector.containsKey("cnpg.io/cluster")) {
            requireCustom(assembly, "Cluster", selector.get("cnpg.io/cluster"), where, problems);
            return;
        }
        if (selector.containsKey("strimzi.io/cluster")) {
            requireCustom(assembly, "Kafka", selector.get("strimzi.io/cluster"), where, problems);
            return;
        }
        List<Deployment> pods = selected(selector, assembly);
        if (pods.isEmpty()) {
            problems.add(where + ": podSelector matches no pod template");
        }
        Set<Integer> ports = pods.stream().flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                .flatMap(c -> c.getPorts().stream()).map(p -> p.getContainerPort()).collect(java.util.stream.Collectors.toSet());
        policy.getSpec().getIngress().stream().flatMap(rule -> rule.getPorts().stream()).map(NetworkPolicyPort::getPort)
                .filter(p -> p != null && p.getIntVal() != null && !ports.contains(p.getIntVal()))
                .forEach(p -> problems.add(where + ": ingress port " + p.getIntVal() + " is no container port of the pods it selects"));
    }

    static void requireCustom(Assembly assembly, String kind, String name, String where, List<String> problems) {
        if (assembly.custom(kind).stream().noneMatch(r -> r.path("metadata").path("name").asText().equals(name))) {
            problems.add(where + ": names " + kind + " " + name + ", which this overlay does not define");
        }
    }

    private static void checkConfigReferences(Deployment deployment, Assembly assembly, Set<String> externalSecrets, List<String> problems) {
        String where = "Deployment " + deployment.getMetadata().getName();
        var pod = deployment.getSpec().getTemplate().getSpec();
        for (Container container : pod.getContainers()) {
            for (EnvVar env : container.getEnv()) {
                if (env.getValueFrom() == null) {
                    continue;
                }
                var configRef = env.getValueFrom().getConfigMapKeyRef();
                var secretRef = env.getValueFrom().getSecretKeyRef();
                if (configRef != null && !Boolean.TRUE.equals(configRef.getOptional()) && configValue(assembly, configRef.getName(), configRef.getKey()) == null) {
                    problems.add(where + ": env " + env.getName() + " names ConfigMap key " + configRef.getName() + "/" + configRef.getKey() + ", which does not exist");
                }
                if (secretRef != null && !Boolean.TRUE.equals(secretRef.getOptional()) && !externalSecrets.contains(secretRef.getName())
                        && !secretKeys(assembly, secretRef.getName()).contains(secretRef.getKey())) {
                    problems.add(where + ": env " + env.getName() + " names Secret key " + secretRef.getName() + "/" + secretRef.getKey() + ", which does not exist");
                }
            }
        }
        pod.getVolumes().stream().filter(v -> v.getConfigMap() != null && !Boolean.TRUE.equals(v.getConfigMap().getOptional()))
                .filter(v -> assembly.named(ConfigMap.class, v.getConfigMap().getName()).isEmpty())
                .forEach(v -> problems.add(where + ": volume " + v.getName() + " names a ConfigMap that does not exist"));
    }

    static String configValue(Assembly assembly, String name, String key) {
        return assembly.named(ConfigMap.class, name).map(c -> c.getData() == null ? null : c.getData().get(key)).orElse(null);
    }

    static Set<String> secretKeys(Assembly assembly, String name) {
        return assembly.named(Secret.class, name).map(s -> Stream.concat(
                        s.getData() == null ? Stream.<String>empty() : s.getData().keySet().stream(),
                        s.getStringData() == null ? Stream.<String>empty() : s.getStringData().keySet().stream())
                .collect(java.util.stream.Collectors.toSet())).orElse(Set.of());
    }

    /** A Secret's value in plain text, when the overlay carries the Secret. */
    static String secretValue(Assembly assembly, String name, String key) {
        return assembly.named(Secret.class, name).map(s -> s.getStringData() != null && s.getStringData().containsKey(key)
                ? s.getStringData().get(key)
                : s.getData() != null && s.getData().containsKey(key)
                        ? new String(java.util.Base64.getDecoder().decode(s.getData().get(key)), java.nio.charset.StandardCharsets.UTF_8)
                        : null).orElse(null);
    }
}
