package dev.herald.infra;

import java.util.Map;

/**
 * {@link HeraldTestInfra} whose PostgreSQL a test stops and starts again, to show that what a service consumes while
 * its database is away is applied once it is back. Test classes that declare it get an application and
 * infrastructure of their own, so the other tests never see the outage.
 */
public class RestartablePostgresInfra extends HeraldTestInfra {

    private static RestartablePostgresInfra running;

    @Override
    public Map<String, String> start() {
        var config = super.start();
        running = this;
        return config;
    }

    public static synchronized void stopDatabase() {
        running.stopPostgres();
    }

    public static synchronized void startDatabase() {
        running.restartPostgres();
    }
}
