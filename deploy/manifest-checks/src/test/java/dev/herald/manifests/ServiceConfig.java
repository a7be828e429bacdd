package dev.herald.manifests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a service serves and reads in production, from its configuration files. */
record ServiceConfig(String name, Properties properties) {

    static final List<String> SERVICES = List.of("attendees-service", "content-service", "feed-service");

    // read by feed-service for its public links; named by the deployment brief before its application.properties names it
    private static final Map<String, Set<String>> ANNOUNCED_ENV = Map.of("feed-service", Set.of("HERALD_PUBLIC_BASE_URL"));
    private static final String SHARED_DEFAULTS = "libs/service-defaults/src/main/resources/META-INF/microprofile-config.properties";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)}");
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\..+");

    /** As Quarkus reads it: the defaults every service shares (libs/service-defaults), then the service's own file. */
    static ServiceConfig load(Path repo, String service) {
        Properties properties = new Properties();
        read(repo.resolve(SHARED_DEFAULTS), properties);
        read(repo.resolve(service).resolve("src/main/resources/application.properties"), properties);
        return new ServiceConfig(service, properties);
    }

    private static void read(Path file, Properties into) {
        try (Reader in = Files.newBufferedReader(file)) {
            into.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value in the prod profile: a %prod. entry wins over the unprofiled one. */
    String prod(String key, String fallback) {
        return properties.getProperty("%prod." + key, properties.getProperty(key, fallback));
    }

    int httpPort() {
        return Integer.parseInt(prod("quarkus.http.port", "8080"));
    }

    // with Quarkus's management interface enabled, health moves to its own port and root
    private boolean managementInterface() {
        return Boolean.parseBoolean(prod("quarkus.management.enabled", "false"));
    }

    /** The port that serves the health endpoints. */
    int healthPort() {
        return managementInterface() ? Integer.parseInt(prod("quarkus.management.port", "9000")) : httpPort();
    }

    String livenessPath() {
        return healthPath("quarkus.smallrye-health.liveness-path", "live");
    }

    String readinessPath() {
        return healthPath("quarkus.smallrye-health.readiness-path", "ready");
    }

    String startupPath() {
        return healthPath("quarkus.smallrye-health.startup-path", "started");
    }

    /** Where Prometheus scrapes the service. */
    String metricsPath() {
        return under(nonApplicationRoot(), prod("quarkus.micrometer.export.prometheus.path", "metrics"));
    }

    private String healthPath(String key, String fallback) {
        return under(under(nonApplicationRoot(), prod("quarkus.smallrye-health.root-path", "health")), prod(key, fallback));
    }

    // Quarkus nests health and metrics under the non-application root (q), which sits under the HTTP root, or under the
    // management interface's root; a leading / escapes a level
    private String nonApplicationRoot() {
        return managementInterface()
                ? under("/", prod("quarkus.management.root-path", "q"))
                : under(prod("quarkus.http.root-path", "/"), prod("quarkus.http.non-application-root-path", "q"));
    }

    private static String under(String parent, String child) {
        if (child.startsWith("/")) {
            return child;
        }
        return (parent.endsWith("/") ? parent : parent + "/") + child;
    }

    /**
     * Environment variables the prod profile needs: every key given a value only in %dev (the environment must
     * supply it in prod), every ${NAME} without a default that no property defines, and any the brief announces.
     */
    Set<String> requiredEnv() {
        Set<String> env = new TreeSet<>(ANNOUNCED_ENV.getOrDefault(name, Set.of()));
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%dev.")) {
                String plain = key.substring("%dev.".length());
                if (!properties.containsKey(plain) && !properties.containsKey("%prod." + plain)) {
                    env.add(envName(plain));
                }
            } else if (!key.startsWith("%") || key.startsWith("%prod.")) {
                Matcher matcher = EXPRESSION.matcher(properties.getProperty(key));
                while (matcher.find()) {
                    // a reference to another property of this file is resolved there, not from the environment
                    if (prod(matcher.group(1), null) == null) {
                        env.add(envName(matcher.group(1)));
                    }
                }
            }
        }
        return env;
    }

    /** The database the service owns: the one its dev JDBC URL names. */
    String database() {
        String url = properties.getProperty("%dev.quarkus.datasource.jdbc.url");
        return url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
    }

    /**
     * Kafka topics of the channels configured here: the channel's topic attribute, or else its name. Kafka is the
     * services' only connector, so a channel without a connector attribute is a Kafka channel too.
     */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher matcher = CHANNEL.matcher(key.replaceFirst("^%prod\\.", ""));
            if (matcher.matches()) {
                String channel = "mp.messaging." + matcher.group(1) + "." + matcher.group(2);
                if (prod(channel + ".connector", "smallrye-kafka").equals("smallrye-kafka")) {
                    topics.add(prod(channel + ".topic", matcher.group(2)));
                }
            }
        }
        return topics;
    }

    // Quarkus's mapping of a property name to an environment variable
    static String envName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
