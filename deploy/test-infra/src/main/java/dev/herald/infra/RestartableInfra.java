package dev.herald.infra;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link HeraldTestInfra} whose broker or database a test stops and starts again, to show what becomes of changes made
 * while Kafka or PostgreSQL is away. Init args are added to the configuration (a short producer timeout, say). Test
 * classes that declare it get an application and infrastructure of their own, so the other tests never see the
 * outage; the outage tests of a module share that one application (each restores what it stopped), so that Quarkus
 * builds and starts it once rather than once per kind of outage.
 */
public class RestartableInfra extends HeraldTestInfra {

    private static RestartableInfra running;

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

    public static synchronized void stopDatabase() {
        running.stopPostgres();
    }

    public static synchronized void startDatabase() {
        running.restartPostgres();
    }
}
