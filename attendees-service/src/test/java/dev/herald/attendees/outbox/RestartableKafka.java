package dev.herald.attendees.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.herald.infra.FreePorts;
import dev.herald.infra.KafkaBroker;
import dev.herald.infra.TopicSpec;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A second broker, for the outbox relay only, that a test can stop and start again on the same port and data, to
 * show what happens to changes made while Kafka is away.
 */
public class RestartableKafka implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static Path logDir;
    private static KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            logDir = Files.createTempDirectory("herald-restartable-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = FreePorts.pick();
        broker = KafkaBroker.start(port, logDir);
        broker.createTopics(TopicSpec.ALL);
        return Map.of("herald.outbox.bootstrap-servers", broker.bootstrapServers(),
                "herald.outbox.delivery-timeout", "3s");
    }

    static String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    static synchronized void halt() {
        broker.close();
        broker = null;
    }

    static synchronized void resume() {
        broker = KafkaBroker.start(port, logDir);
    }

    @Override
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
