package dev.herald.manifests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Kafka (Strimzi) and PostgreSQL (CloudNativePG) resources against the topics and databases the services use. */
final class PlatformChecks {

    private PlatformChecks() {
    }

    static void check(Assembly assembly, Path repo, Set<String> externalSecrets, List<String> problems) {
        checkTopics(assembly, repo, problems);
        checkNodePools(assembly, problems);
        checkDatabases(assembly, repo, externalSecrets, problems);
    }

    private static void checkTopics(Assembly assembly, Path repo, List<String> problems) {
        Map<String, Topics.Topic> specs = Topics.specs(repo);
        Map<String, Integer> expected = Topics.partitions(repo);
        Map<String, Integer> declared = new TreeMap<>();
        for (ObjectNode topic : assembly.custom("KafkaTopic")) {
            String where = KustomizeBuild.id(topic);
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            declared.put(name, topic.path("spec").path("partitions").asInt());
            ReferenceChecks.requireCustom(assembly, "Kafka", topic.path("metadata").path("labels").path("strimzi.io/cluster").asText(), where, problems);
            JsonNode config = topic.path("spec").path("config");
            // a cluster default must never decide how long events live or how large one may be
            Topics.Topic spec = specs.get(name);
            if (spec != null) {
                spec.config().forEach((key, value) -> {
                    if (!config.path(key).asText().equals(value)) {
                        problems.add(where + ": config " + key + " must be " + value + " as in " + Topics.SOURCE + ", is " + config.path(key));
                    }
                });
            }
            int replicas = topic.path("spec").path("replicas").asInt();
            if (replicas > brokers(assembly) || config.path("min.insync.replicas").asInt(1) > replicas) {
                problems.add(where + ": needs min.insync.replicas <= replicas <= the brokers of the node pools (" + brokers(assembly) + ")");
            }
        }
        if (!declared.equals(expected)) {
            problems.add("KafkaTopics " + declared + " differ from " + Topics.SOURCE + " " + expected);
        }
        for (String service : ServiceConfig.SERVICES) {
            Set<String> unknown = new TreeSet<>(ServiceConfig.load(repo, service).topics());
            unknown.removeAll(expected.keySet());
            if (!unknown.isEmpty()) {
                problems.add(service + " uses topics " + unknown + " that " + Topics.SOURCE + " does not list");
            }
        }
    }

    private static int brokers(Assembly assembly) {
        return assembly.custom("KafkaNodePool").stream()
                .filter(pool -> pool.path("spec").path("roles").toString().contains("\"broker\""))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum();
    }

    private static void checkNodePools(Assembly assembly, List<String> problems) {
        String roles = "";
        for (ObjectNode pool : assembly.custom("KafkaNodePool")) {
            ReferenceChecks.requireCustom(assembly, "Kafka", pool.path("metadata").path("labels").path("strimzi.io/cluster").asText(),
                    KustomizeBuild.id(pool), problems);
            roles += pool.path("spec").path("roles").toString();
        }
        if (!assembly.custom("Kafka").isEmpty() && !(roles.contains("\"controller\"") && roles.contains("\"broker\""))) {
            problems.add("KRaft needs node pools with both the controller and the broker role");
        }
    }

    /** Each database of the CloudNativePG resources with its owner. */
    static Map<String, String> databaseOwners(Assembly assembly) {
        Map<String, String> owners = new TreeMap<>();
        for (ObjectNode cluster : assembly.custom("Cluster")) {
            JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
            if (initdb.has("database")) {
                owners.put(initdb.get("database").asText(), initdb.path("owner").asText(initdb.get("database").asText()));
            }
        }
        assembly.custom("Database").forEach(db -> owners.put(db.path("spec").path("name").asText(), db.path("spec").path("owner").asText()));
        return owners;
    }

    /** Each role of the CloudNativePG resources with the Secret holding its password. */
    static Map<String, String> roleSecrets(Assembly assembly) {
        Map<String, String> secrets = new TreeMap<>();
        for (ObjectNode cluster : assembly.custom("Cluster")) {
            JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
            if (initdb.has("owner") && initdb.path("secret").has("name")) {
                secrets.put(initdb.get("owner").asText(), initdb.path("secret").path("name").asText());
            }
            for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
                secrets.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText(null));
            }
        }
        return secrets;
    }

    private static void checkDatabases(Assembly assembly, Path repo, Set<String> externalSecrets, List<String> problems) {
        Set<String> expected = new TreeSet<>();
        ServiceConfig.SERVICES.forEach(s -> expected.add(ServiceConfig.load(repo, s).database()));
        Map<String, String> owners = databaseOwners(assembly);
        if (!owners.keySet().equals(expected)) {
            problems.add("CloudNativePG databases " + owners.keySet() + " differ from the services' databases " + expected);
        }
        Map<String, String> roleSecrets = roleSecrets(assembly);
        owners.forEach((database, owner) -> {
            if (!roleSecrets.containsKey(owner)) {
                problems.add("database " + database + " is owned by " + owner + ", a role CloudNativePG does not manage");
            }
        });
        for (ObjectNode database : assembly.custom("Database")) {
            ReferenceChecks.requireCustom(assembly, "Cluster", database.path("spec").path("cluster").path("name").asText(), KustomizeBuild.id(database), problems);
        }
        roleSecrets.forEach((role, secret) -> {
            if (secret == null || !externalSecrets.contains(secret) && !role.equals(ReferenceChecks.secretValue(assembly, secret, "username"))) {
                problems.add("role " + role + " needs a basic-auth Secret " + secret + " whose username is " + role);
            }
        });
    }
}
