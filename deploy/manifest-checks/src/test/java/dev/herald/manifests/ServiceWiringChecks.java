package dev.herald.manifests;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/** Each service's Deployment against what the service itself serves and reads (its application.properties). */
final class ServiceWiringChecks {

    private ServiceWiringChecks() {
    }

    static void check(Assembly assembly, Path repo, List<String> problems) {
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.load(repo, service);
            Optional<Deployment> deployment = assembly.named(Deployment.class, service);
            if (deployment.isEmpty()) {
                problems.add("Deployment " + service + " is missing");
                continue;
            }
            String where = "Deployment " + service;
            Container container = deployment.get().getSpec().getTemplate().getSpec().getContainers().stream()
                    .filter(c -> service.equals(c.getName())).findFirst().orElse(null);
            if (container == null) {
                problems.add(where + ": no container named " + service);
                continue;
            }
            if (container.getPorts().stream().noneMatch(p -> p.getContainerPort() == config.httpPort())) {
                problems.add(where + ": no container port " + config.httpPort() + " (quarkus.http.port)");
            }
            checkProbe(deployment.get(), container.getStartupProbe(), "startupProbe", config.startupPath(), config, problems);
            checkProbe(deployment.get(), container.getReadinessProbe(), "readinessProbe", config.readinessPath(), config, problems);
            checkProbe(deployment.get(), container.getLivenessProbe(), "livenessProbe", config.livenessPath(), config, problems);
            Set<String> names = container.getEnv().stream().map(EnvVar::getName).collect(Collectors.toCollection(TreeSet::new));
            Set<String> missing = new TreeSet<>(config.requiredEnv());
            missing.removeAll(names);
            if (!missing.isEmpty()) {
                problems.add(where + ": the prod profile needs env " + missing + ", which the Deployment does not set");
            }
            checkDatasource(assembly, container, config, where, problems);
            checkKafka(assembly, container, where, problems);
            if (config.requiredEnv().contains("HERALD_PUBLIC_BASE_URL")) {
                checkPublicUrl(assembly, container, where, problems);
            }
        }
    }

    private static void checkProbe(Deployment deployment, Probe probe, String name, String path, ServiceConfig config, List<String> problems) {
        String where = "Deployment " + config.name() + ": " + name;
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(where + " must be an httpGet on " + path);
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            problems.add(where + " path " + probe.getHttpGet().getPath() + " is not served by " + config.name() + " (expected " + path + ")");
        }
        Integer port = ReferenceChecks.containerPort(deployment, probe.getHttpGet().getPort());
        if (port == null || port != config.healthPort()) {
            problems.add(where + " port " + probe.getHttpGet().getPort().getValue() + " is not the port serving health, " + config.healthPort());
        }
    }

    /** An env var's value as the container would see it, when the overlay carries its source. */
    static Optional<String> value(Assembly assembly, Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().map(env -> {
            if (env.getValueFrom() == null) {
                return env.getValue();
            }
            var configRef = env.getValueFrom().getConfigMapKeyRef();
            var secretRef = env.getValueFrom().getSecretKeyRef();
            return configRef != null ? ReferenceChecks.configValue(assembly, configRef.getName(), configRef.getKey())
                    : secretRef != null ? ReferenceChecks.secretValue(assembly, secretRef.getName(), secretRef.getKey()) : null;
        });
    }

    private static Optional<String> secretName(Container container, String env) {
        return container.getEnv().stream().filter(e -> e.getName().equals(env) && e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getName()).findFirst();
    }

    // the URLs must reach the CloudNativePG cluster's read-write Service and the service's own database
    private static void checkDatasource(Assembly assembly, Container container, ServiceConfig config, String where, List<String> problems) {
        Set<String> clusters = assembly.custom("Cluster").stream().map(c -> c.path("metadata").path("name").asText()).collect(Collectors.toSet());
        for (String env : List.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL")) {
            String url = value(assembly, container, env).orElse("");
            URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
            if (uri.getHost() == null || !uri.getHost().endsWith("-rw") || !clusters.contains(uri.getHost().replaceFirst("-rw$", ""))
                    || !("/" + config.database()).equals(uri.getPath())) {
                problems.add(where + ": " + env + " '" + url + "' must name <cluster>-rw of a CloudNativePG Cluster and database " + config.database());
            }
        }
        String owner = PlatformChecks.databaseOwners(assembly).get(config.database());
        Optional<String> user = value(assembly, container, "QUARKUS_DATASOURCE_USERNAME");
        if (user.isPresent() && user.get() != null && !user.get().equals(owner)) {
            problems.add(where + ": datasource user " + user.get() + " does not own database " + config.database());
        }
        Optional<String> secret = secretName(container, "QUARKUS_DATASOURCE_PASSWORD");
        if (owner != null && (secret.isEmpty() || !secret.get().equals(PlatformChecks.roleSecrets(assembly).get(owner)))) {
            problems.add(where + ": the datasource password must come from the Secret that sets role " + owner + "'s password");
        }
    }

    private static void checkKafka(Assembly assembly, Container container, String where, List<String> problems) {
        String bootstrap = value(assembly, container, "KAFKA_BOOTSTRAP_SERVERS").orElse("");
        boolean known = false;
        for (JsonNode kafka : assembly.custom("Kafka")) {
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                String address = kafka.path("metadata").path("name").asText() + "-kafka-bootstrap:" + listener.path("port").asInt();
                known |= address.equals(bootstrap) && listener.path("type").asText().equals("internal") && !listener.path("tls").asBoolean();
            }
        }
        if (!known) {
            problems.add(where + ": KAFKA_BOOTSTRAP_SERVERS '" + bootstrap + "' is not the bootstrap Service of a plain internal Strimzi listener");
        }
    }

    private static void checkPublicUrl(Assembly assembly, Container container, String where, List<String> problems) {
        String url = value(assembly, container, "HERALD_PUBLIC_BASE_URL").orElse("");
        String host = URI.create(url).getHost();
        boolean routed = assembly.all(Ingress.class).stream().flatMap(i -> i.getSpec().getRules().stream())
                .anyMatch(rule -> rule.getHost() != null && rule.getHost().equals(host));
        if (!routed) {
            problems.add(where + ": HERALD_PUBLIC_BASE_URL '" + url + "' names a host no Ingress serves");
        }
    }
}
