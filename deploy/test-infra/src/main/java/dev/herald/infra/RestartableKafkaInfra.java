package dev.herald.infra;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link HeraldTestInfra} whose broker a test stops and starts again, to show what becomes of changes made while
 * Kafka is away. Init args are added to the configuration (a short producer timeout, say). Test classes that declare
 * it get an application and infrastructure of their own, so the other tests never see the outage.
 */
public class RestartableKafkaInfra extends HeraldTestInfra {

    private static RestartableKafkaInfra running;

    private Map<String, String> extraConfig = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        extraConfig = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.putAll(extraConfig);
        running = this;
        return config;
    }

    public static synchronized void stopBroker() {
        running.stopKafka();
    }

    public static synchronized void startBroker() {
        running.restartKafka();
    }
}
