package dev.herald.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * docker-compose.yml against the services and the rest of the repository: what docker-compose's own schema check
 * cannot know (ports, databases, topics, health paths, environment, images built from this repository).
 */
final class ComposeChecker {

    static final String INIT_SCRIPT = "deploy/compose/postgres-init.sh";
    private static final Pattern TOPIC = Pattern.compile("--topic\\s+(\\S+)\\s+--partitions\\s+(\\d+)");
    private static final Pattern TOPIC_CONFIG = Pattern.compile("--config\\s+([\\w.]+)=(\\S+)");
    private static final Pattern CREATED_DATABASE = Pattern.compile("(?m)^create\\s+(\\S+)\\s");
    private static final Pattern HEALTH_PROBE = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+).*GET (\\S+) ");

    private ComposeChecker() {
    }

    static List<String> check(Path repo, Path composeFile) {
        List<String> problems = new ArrayList<>();
        ObjectNode compose = Yaml.read(composeFile);
        JsonNode services = compose.path("services");
        for (String service : ServiceConfig.SERVICES) {
            if (!services.has(service)) {
                problems.add("compose: service " + service + " is missing");
            } else {
                checkService(repo, service, services.get(service), problems);
            }
        }
        checkDependencies(services, problems);
        checkVolumes(compose, problems);
        checkTopics(repo, services, problems);
        checkDatabases(repo, problems);
        return problems;
    }

    private static void checkService(Path repo, String name, JsonNode service, List<String> problems) {
        ServiceConfig config = ServiceConfig.load(repo, name);
        String where = "compose: " + name;
        String dockerfile = service.path("build").path("dockerfile").asText();
        if (!service.path("build").path("context").asText().replaceFirst("^\\./", "").equals(name)
                || !dockerfile.equals("src/main/docker/Dockerfile.jvm") || !Files.exists(repo.resolve(name).resolve(dockerfile))) {
            problems.add(where + ": must build from ./" + name + " with its src/main/docker/Dockerfile.jvm");
        }
        String port = config.httpPort() + ":" + config.httpPort();
        boolean published = false;
        for (JsonNode mapping : service.path("ports")) {
            published |= mapping.asText().equals(port);
        }
        if (!published) {
            problems.add(where + ": must publish " + port + " (quarkus.http.port)");
        }
        Set<String> missing = new TreeSet<>(config.requiredEnv());
        service.path("environment").fieldNames().forEachRemaining(missing::remove);
        if (!missing.isEmpty()) {
            problems.add(where + ": the prod profile needs env " + missing + ", which the service does not set");
        }
        JsonNode env = service.path("environment");
        String database = config.database();
        if (!env.path("QUARKUS_DATASOURCE_REACTIVE_URL").asText().equals("postgresql://postgres:5432/" + database)
                || !env.path("QUARKUS_DATASOURCE_JDBC_URL").asText().equals("jdbc:postgresql://postgres:5432/" + database)
                || !env.path("QUARKUS_DATASOURCE_USERNAME").asText().equals(database)) {
            problems.add(where + ": datasource URLs and user must name database " + database + " on service postgres");
        }
        if (!env.path("KAFKA_BOOTSTRAP_SERVERS").asText().equals("kafka:9092")) {
            problems.add(where + ": KAFKA_BOOTSTRAP_SERVERS must be kafka:9092, the broker's advertised listener");
        }
        Matcher probe = HEALTH_PROBE.matcher(String.join(" ", texts(service.path("healthcheck").path("test"))));
        if (!probe.find() || Integer.parseInt(probe.group(1)) != config.healthPort()
                || !Set.of(config.readinessPath(), config.livenessPath()).contains(probe.group(2))) {
            problems.add(where + ": healthcheck must GET " + config.readinessPath() + " on port " + config.healthPort());
        }
    }

    // a condition can only be met by a service that has a health check, or that runs once and exits
    private static void checkDependencies(JsonNode services, List<String> problems) {
        services.fields().forEachRemaining(entry -> entry.getValue().path("depends_on").fields().forEachRemaining(dependency -> {
            String condition = dependency.getValue().path("condition").asText();
            JsonNode target = services.path(dependency.getKey());
            if (condition.equals("service_healthy") && !target.has("healthcheck")) {
                problems.add("compose: " + entry.getKey() + " waits for " + dependency.getKey() + " to be healthy, which has no healthcheck");
            }
            if (!Set.of("service_healthy", "service_completed_successfully").contains(condition)) {
                problems.add("compose: " + entry.getKey() + " must wait on " + dependency.getKey() + " with a health or completion condition");
            }
        }));
        for (String service : ServiceConfig.SERVICES) {
            JsonNode dependsOn = services.path(service).path("depends_on");
            if (!dependsOn.path("postgres").path("condition").asText().equals("service_healthy")
                    || !dependsOn.path("kafka-topics").path("condition").asText().equals("service_completed_successfully")) {
                problems.add("compose: " + service + " must wait for postgres to be healthy and kafka-topics to complete");
            }
        }
    }

    private static void checkVolumes(ObjectNode compose, List<String> problems) {
        compose.path("services").fields().forEachRemaining(entry -> {
            for (JsonNode volume : entry.getValue().path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/") && !compose.path("volumes").has(source)) {
                    problems.add("compose: " + entry.getKey() + " mounts volume " + source + ", which is not declared");
                }
            }
        });
    }

    private static void checkTopics(Path repo, JsonNode services, List<String> problems) {
        Map<String, Integer> created = new TreeMap<>();
        Map<String, Topics.Topic> specs = Topics.specs(repo);
        String command = String.join(" ", texts(services.path("kafka-topics").path("command")));
        for (String creation : command.split("&&")) {
            Matcher matcher = TOPIC.matcher(creation);
            if (!matcher.find()) {
                continue;
            }
            String topic = matcher.group(1);
            created.put(topic, Integer.parseInt(matcher.group(2)));
            Map<String, String> config = new TreeMap<>();
            Matcher setting = TOPIC_CONFIG.matcher(creation);
            while (setting.find()) {
                config.put(setting.group(1), setting.group(2));
            }
            if (specs.containsKey(topic) && !config.equals(specs.get(topic).config())) {
                problems.add("compose: kafka-topics creates " + topic + " with " + config + ", " + Topics.SOURCE + " says "
                        + specs.get(topic).config());
            }
        }
        Map<String, Integer> expected = Topics.partitions(repo);
        if (!created.equals(expected)) {
            problems.add("compose: kafka-topics creates " + created + ", " + Topics.SOURCE + " lists " + expected);
        }
    }

    private static void checkDatabases(Path repo, List<String> problems) {
        Set<String> created = new TreeSet<>();
        try {
            Matcher matcher = CREATED_DATABASE.matcher(Files.readString(repo.resolve(INIT_SCRIPT)));
            while (matcher.find()) {
                created.add(matcher.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> expected = new TreeSet<>();
        ServiceConfig.SERVICES.forEach(s -> expected.add(ServiceConfig.load(repo, s).database()));
        if (!created.equals(expected)) {
            problems.add("compose: " + INIT_SCRIPT + " creates databases " + created + ", the services use " + expected);
        }
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> texts.add(item.asText()));
        } else {
            texts.add(node.asText());
        }
        return texts;
    }
}
