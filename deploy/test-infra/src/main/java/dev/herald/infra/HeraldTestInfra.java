package dev.herald.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real Kafka and PostgreSQL for a service's {@code @QuarkusTest}s: started in parallel on random ports,
 * in a directory of their own, and removed when the tests end. Use with
 * {@code @WithTestResource(HeraldTestInfra.class)}; {@link TestTokens} signs bearer tokens for it.
 */
public class HeraldTestInfra implements QuarkusTestResourceLifecycleManager {

    // outside herald.*, which services map as a whole (@ConfigMapping refuses unknown properties under a prefix)
    static final String SIGNING_KEY_DIR = "test-infra.signing-key-dir";
    private static final String DATABASE = "herald";

    private Path workDirectory;
    private KafkaBroker kafka;
    private int kafkaPort;
    private PostgresServer postgres;
    private int postgresPort;

    @Override
    public Map<String, String> start() {
        try {
            workDirectory = Files.createTempDirectory("herald-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var kafkaStart = CompletableFuture.supplyAsync(() -> KafkaBroker.start(0, workDirectory.resolve("kafka")));
        var postgresStart = CompletableFuture.supplyAsync(() -> PostgresServer.start(0, workDirectory.resolve("postgres")));
        kafka = kafkaStart.join();
        kafkaPort = kafka.port();
        postgres = postgresStart.join();
        postgresPort = postgres.port();
        kafka.createTopics(TopicSpec.ALL);
        postgres.ensureDatabase(DATABASE, DATABASE, DATABASE);
        Path keyDirectory = workDirectory.resolve("keys");
        SigningKeys keys = SigningKeys.inDirectory(keyDirectory);
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.username", DATABASE,
                "quarkus.datasource.password", DATABASE,
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(DATABASE),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "mp.jwt.verify.publickey.location", keys.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", Tokens.ISSUER,
                // as in production, where the prod overlay sets MP_JWT_VERIFY_AUDIENCES: a token for another audience is refused
                "mp.jwt.verify.audiences", Tokens.AUDIENCE,
                SIGNING_KEY_DIR, keyDirectory.toString());
    }

    /** Stops the broker; {@link #restartKafka()} brings it back on the same port with the same data. */
    protected void stopKafka() {
        kafka.close();
        kafka = null;
    }

    protected void restartKafka() {
        kafka = KafkaBroker.start(kafkaPort, workDirectory.resolve("kafka"));
    }

    /** Stops PostgreSQL; {@link #restartPostgres()} brings it back on the same port with the same data. */
    protected void stopPostgres() {
        postgres.close();
        postgres = null;
    }

    protected void restartPostgres() {
        postgres = PostgresServer.start(postgresPort, workDirectory.resolve("postgres"));
    }

    @Override
    public void stop() {
        try (PostgresServer db = postgres; KafkaBroker broker = kafka) {
            // closing both, the broker first
        }
        if (workDirectory != null) {
            Directories.delete(workDirectory);
        }
    }
}
