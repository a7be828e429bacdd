package dev.herald.content.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.herald.infra.FreePorts;
import dev.herald.infra.KafkaBroker;
import dev.herald.infra.PostgresServer;
import dev.herald.infra.SigningKeys;
import dev.herald.infra.TopicSpec;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Like HeraldTestInfra, but with a broker of this test's own that the test may stop and start again on the same port
 * and data, without disturbing the broker the other test classes share.
 */
public class OwnBrokerInfra implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "herald";

    private static volatile KafkaBroker kafka;
    private static int port;
    private static Path kafkaDirectory;
    private PostgresServer postgres;

    @Override
    public Map<String, String> start() {
        Path work;
        try {
            work = Files.createTempDirectory("herald-outage-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = FreePorts.pick();
        kafkaDirectory = work.resolve("kafka");
        kafka = KafkaBroker.start(port, kafkaDirectory);
        kafka.createTopics(TopicSpec.ALL);
        postgres = PostgresServer.start(0, work.resolve("postgres"));
        postgres.ensureDatabase(DATABASE, DATABASE, DATABASE);
        SigningKeys keys = SigningKeys.inDirectory(work.resolve("keys"));
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.username", DATABASE,
                "quarkus.datasource.password", DATABASE,
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(DATABASE),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "mp.jwt.verify.publickey.location", keys.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", "https://herald.local/issuer",
                "herald.test.signing-key-dir", work.resolve("keys").toString());
    }

    static void stopBroker() {
        kafka.close();
    }

    static void startBroker() {
        kafka = KafkaBroker.start(port, kafkaDirectory);
    }

    @Override
    public void stop() {
        try (PostgresServer db = postgres; KafkaBroker broker = kafka) {
            // closing both, the broker first
        }
    }
}
