package dev.herald.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.herald.infra.FreePorts;
import dev.herald.infra.KafkaBroker;
import dev.herald.infra.PostgresServer;
import dev.herald.infra.SigningKeys;
import dev.herald.infra.TopicSpec;
import dev.herald.infra.Tokens;

/**
 * Herald on one machine: Kafka, PostgreSQL (one database and user per service) and the three packaged services,
 * started in that order and stopped in reverse.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /** feed-service's consumer group on both topics (its application.properties). */
    private static final String FEED_CONSUMER_GROUP = "feed-service";

    private final StackConfig config;
    private final boolean rebuildFeeds;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private Tokens tokens;
    private SigningKeys keys;

    private LocalStack(StackConfig config, boolean rebuildFeeds) {
        this.config = config;
        this.rebuildFeeds = rebuildFeeds;
    }

    /**
     * Starts everything and returns once every service reports ready and has its demo data; a failure stops what
     * was started.
     */
    public static LocalStack start(StackConfig config) {
        return start(new LocalStack(config, false));
    }

    /**
     * Starts everything, but feed-service with an empty read model and no consumer offsets, so that it rebuilds its
     * feeds and pages from the (compacted) topics; its subscriptions stay.
     */
    public static LocalStack startRebuildingFeeds(StackConfig config) {
        return start(new LocalStack(config, true));
    }

    private static LocalStack start(LocalStack stack) {
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        long start = System.nanoTime();
        try {
            Files.createDirectories(config.logDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the broker, the database server and the signing key are made side by side, each ready for the services
        var kafkaStart = CompletableFuture.supplyAsync(() -> {
            KafkaBroker broker = KafkaBroker.start(config.kafkaPort(), config.dataDirectory().resolve("kafka"));
            broker.createTopics(TopicSpec.ALL);
            return broker;
        });
        var postgresStart = CompletableFuture.supplyAsync(() -> {
            PostgresServer server = PostgresServer.start(config.postgresPort(), config.dataDirectory().resolve("postgres"));
            for (ServiceSpec service : ServiceSpec.ALL) {
                server.ensureDatabase(service.database(), service.database(), service.database());
            }
            return server;
        });
        try {
            keys = SigningKeys.inDirectory(config.keyDirectory());
            tokens = new Tokens(keys);
        } finally {
            try {
                kafka = kafkaStart.join();
            } finally {
                postgres = postgresStart.join();
            }
        }
        phases.put("Kafka and PostgreSQL started, topics and databases created", Duration.ofNanos(System.nanoTime() - start));
        if (rebuildFeeds) {
            // feed-service's own function: its subscriptions and deliveries are not derived from the topics and stay
            postgres.execute(ServiceSpec.FEED.database(), "select reset_read_model()");
            kafka.deleteConsumerGroup(FEED_CONSUMER_GROUP);
        }
        // one after another: on two cores three JVMs starting together took 7-8 s each, one alone takes about 3 s; a
        // service's demo data loads while the next one starts
        DemoData demo = new DemoData(this);
        List<CompletableFuture<Void>> loading = new ArrayList<>();
        for (ServiceSpec service : config.services()) {
            ServiceProcess process = ServiceProcess.start(service, config.packagedApp(service), config.managementUrl(service),
                    config.logDirectory(), environment(service));
            services.add(process);
            process.awaitReady(READY_TIMEOUT);
            loading.add(CompletableFuture.runAsync(() -> demo.load(service)));
        }
        phases.put("every service ready", Duration.ofNanos(System.nanoTime() - start));
        try {
            CompletableFuture.allOf(loading.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        phases.put("demo data loaded", Duration.ofNanos(System.nanoTime() - start));
    }

    private Map<String, String> environment(ServiceSpec service) {
        return ServiceEnvironment.of(config, service, kafka.bootstrapServers(), postgres, keys);
    }

    /**
     * Starts one more instance of a service (feed-service runs as several replicas) on its own port, with the stack's
     * configuration plus {@code overrides}, and returns once it is ready; {@link #close()} stops it with the rest.
     */
    public Replica startReplica(ServiceSpec service, String name, Map<String, String> overrides) {
        int port = FreePorts.pick();
        int managementPort = FreePorts.pick();
        Map<String, String> environment = new HashMap<>(environment(service));
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        environment.putAll(overrides);
        ServiceProcess process = ServiceProcess.start(service, name, config.packagedApp(service),
                "http://localhost:" + managementPort, config.logDirectory(), environment, true);
        services.add(process);
        process.awaitReady(READY_TIMEOUT);
        return new Replica(process, "http://localhost:" + port);
    }

    /**
     * Stops a service's first instance and starts it again while the rest of the stack idles, as Kubernetes restarts a
     * pod, and returns how long the new JVM took to answer ready. A training instance writes its AOT cache as it stops,
     * so the new one starts with it.
     */
    public Duration restart(ServiceSpec service) {
        ServiceProcess stopped = process(service);
        stopped.close();
        ServiceProcess started = ServiceProcess.start(service, config.packagedApp(service), config.managementUrl(service),
                config.logDirectory(), environment(service));
        services.set(services.indexOf(stopped), started);
        started.awaitReady(READY_TIMEOUT);
        return started.readyAfter();
    }

    /** How long after the start each phase of it ended, in order. */
    public Map<String, Duration> phases() {
        return Collections.unmodifiableMap(phases);
    }

    /** Which Java runs a service's first instance and how it used the AOT cache. */
    public String jvmDescription(ServiceSpec service) {
        return process(service).jvmDescription();
    }

    /** The process id of a service's first instance, to read its memory from {@code /proc}. */
    public long pid(ServiceSpec service) {
        return process(service).pid();
    }

    /** How long a service's first instance took from starting its JVM to answering ready. */
    public Duration readyAfter(ServiceSpec service) {
        return process(service).readyAfter();
    }

    private ServiceProcess process(ServiceSpec service) {
        return services.stream().filter(process -> process.spec().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(service.name() + " is not running"));
    }

    public StackConfig config() {
        return config;
    }

    /** JDBC URL of a service's database; its user and password are the database's name. */
    public String jdbcUrl(ServiceSpec service) {
        return postgres.jdbcUrl(service.database());
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A bearer token signed with the stack's key. */
    public String token(String role, Duration lifetime) {
        return tokens.issue("herald-" + role, lifetime, role);
    }

    /** Services first, so none of them logs errors about a broker or database going away. */
    @Override
    public void close() {
        // all at once: a JVM training its AOT cache takes seconds longer to exit, and the others need not wait for it
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).requestStop();
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
