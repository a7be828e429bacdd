package dev.herald.stack.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.herald.infra.FreePorts;
import dev.herald.infra.PostgresServer;
import dev.herald.infra.SigningKeys;
import dev.herald.infra.Tokens;
import dev.herald.stack.ServiceEnvironment;
import dev.herald.stack.ServiceProcess;
import dev.herald.stack.ServiceSpec;
import dev.herald.stack.StackConfig;

/**
 * Herald as the chaos run needs it: the broker in a process of its own, PostgreSQL, attendees-service,
 * content-service and two feed-service replicas, each of which can be killed with SIGKILL and started again on the
 * same ports and data, all on a data directory of the run's own and on free ports.
 */
final class ChaosStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /** Short enough that a killed replica's delivery lease lapses within seconds and a receiver's outage is outlasted. */
    private static final Map<String, String> FEED_SETTINGS = Map.of(
            "HERALD_DELIVERIES_ATTEMPT_TIMEOUT", "4s",
            "HERALD_DELIVERIES_RETRY_SCHEDULE", "1s,2s,4s,8s,8s,8s,8s,8s,8s,8s,8s,8s");

    private final StackConfig config;
    private final KafkaProcess kafka;
    private final Map<Part, Instance> services = new EnumMap<>(Part.class);
    private final Map<Part, ServiceProcess> running = new ConcurrentHashMap<>();
    private final Api api = new Api();
    private final Tokens tokens;
    private final SigningKeys keys;
    private volatile PostgresServer postgres;


    /** How to start one service instance. */
    private record Instance(ServiceSpec spec, String name, String baseUrl, String managementUrl, Map<String, String> environment) {
    }

    private ChaosStack(StackConfig config) {
        this.config = config;
        this.kafka = new KafkaProcess(config.kafkaPort(), config.dataDirectory().resolve("kafka"),
                config.logDirectory().resolve("kafka.log"));
        this.keys = SigningKeys.inDirectory(config.keyDirectory());
        this.tokens = new Tokens(keys);
    }

    static ChaosStack start(Path home, Path dataDirectory) {
        StackConfig config = StackConfig.randomPorts(home, dataDirectory);
        try {
            Files.createDirectories(config.logDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChaosStack stack = new ChaosStack(config);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        var kafkaStart = CompletableFuture.runAsync(kafka::start);
        postgres = PostgresServer.start(config.postgresPort(), config.dataDirectory().resolve("postgres"));
        kafkaStart.join();
        for (ServiceSpec service : ServiceSpec.ALL) {
            postgres.ensureDatabase(service.database(), service.database(), service.database());
        }
        define(Part.ATTENDEES, ServiceSpec.ATTENDEES, "attendees-service", config.port(ServiceSpec.ATTENDEES),
                config.managementPort(ServiceSpec.ATTENDEES));
        define(Part.CONTENT, ServiceSpec.CONTENT, "content-service", config.port(ServiceSpec.CONTENT),
                config.managementPort(ServiceSpec.CONTENT));
        define(Part.FEED_1, ServiceSpec.FEED, "feed-service-1", config.port(ServiceSpec.FEED), config.managementPort(ServiceSpec.FEED));
        define(Part.FEED_2, ServiceSpec.FEED, "feed-service-2", FreePorts.pick(), FreePorts.pick());
        Part.SERVICES.forEach(this::launch);
        CompletableFuture.allOf(Part.SERVICES.stream()
                .map(part -> CompletableFuture.runAsync(() -> running.get(part).awaitReady(READY_TIMEOUT)))
                .toArray(CompletableFuture[]::new)).join();
    }

    private void define(Part part, ServiceSpec spec, String name, int port, int managementPort) {
        Map<String, String> environment = new HashMap<>(ServiceEnvironment.of(config, spec, kafka.bootstrapServers(), postgres, keys));
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        if (spec == ServiceSpec.FEED) {
            environment.putAll(FEED_SETTINGS);
        }
        services.put(part, new Instance(spec, name, "http://localhost:" + port, "http://localhost:" + managementPort, environment));
    }

    private void launch(Part part) {
        Instance instance = services.get(part);
        // no AOT cache training: a killed JVM never writes its cache, and training makes every start slower
        running.put(part, ServiceProcess.start(instance.spec(), instance.name(), config.packagedApp(instance.spec()),
                instance.managementUrl(), config.logDirectory(), instance.environment(), false));
    }

    /** SIGKILL, as when a node dies. */
    void kill(Part part) {
        switch (part) {
            case KAFKA -> kafka.kill();
            case POSTGRES -> postgres.kill();
            default -> running.remove(part).kill();
        }
    }

    /** Starts a killed part again: the broker and PostgreSQL serve when this returns, a service is only launched. */
    void restart(Part part) {
        switch (part) {
            case KAFKA -> kafka.start();
            case POSTGRES -> postgres = PostgresServer.start(config.postgresPort(), config.dataDirectory().resolve("postgres"));
            default -> launch(part);
        }
    }

    /** Whether a service instance answers ready now (its database and Kafka reachable). */
    boolean ready(Part part) {
        try {
            return running.containsKey(part) && api.get(managementUrl(part) + "/q/health/ready", null).ok();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What Kubernetes' restart policy does: launches again every service whose process ended without being killed
     * (a service exits when, say, its database is away while it migrates at start) and returns which.
     */
    List<Part> relaunchExited() {
        List<Part> relaunched = new ArrayList<>();
        for (Part part : Part.SERVICES) {
            ServiceProcess process = running.get(part);
            if (process != null && !process.isAlive()) {
                launch(part);
                relaunched.add(part);
            }
        }
        return relaunched;
    }

    String baseUrl(Part part) {
        return services.get(part).baseUrl();
    }

    String managementUrl(Part part) {
        return services.get(part).managementUrl();
    }

    /** Where readers and WebSub topics address the site, whichever replica answers. */
    String publicBaseUrl() {
        return config.baseUrl(ServiceSpec.FEED);
    }

    String jdbcUrl(ServiceSpec service) {
        return postgres.jdbcUrl(service.database());
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    String token(String role) {
        return tokens.issue("herald-chaos-" + role, Duration.ofHours(2), role);
    }

    Path home() {
        return config.home();
    }

    Path logDirectory() {
        return config.logDirectory();
    }

    /** Which Java runs the services and how it uses the AOT cache. */
    String jvmDescription() {
        return running.get(Part.ATTENDEES).jvmDescription();
    }

    List<Part> feedReplicas() {
        return List.of(Part.FEED_1, Part.FEED_2);
    }

    @Override
    public synchronized void close() {
        running.values().forEach(ServiceProcess::requestStop);
        running.values().forEach(ServiceProcess::close);
        running.clear();
        kafka.close();
        if (postgres != null) {
            postgres.close();
        }
    }
}
