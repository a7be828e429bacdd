package dev.herald.stack;

import java.util.HashMap;
import java.util.Map;

import dev.herald.infra.PostgresServer;
import dev.herald.infra.SigningKeys;
import dev.herald.infra.Tokens;

/** The variables a container platform sets for a service: production configuration comes from the environment. */
public final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    /** Everything a service of {@code config} needs to run against this broker and database, signed by {@code keys}. */
    public static Map<String, String> of(StackConfig config, ServiceSpec service, String kafkaBootstrapServers,
            PostgresServer postgres, SigningKeys keys) {
        String db = service.database();
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(config.port(service)),
                "QUARKUS_DATASOURCE_USERNAME", db,
                "QUARKUS_DATASOURCE_PASSWORD", db,
                "QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(db),
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(db),
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString(),
                "MP_JWT_VERIFY_ISSUER", Tokens.ISSUER,
                "HERALD_PUBLIC_BASE_URL", config.baseUrl(ServiceSpec.FEED),
                "HERALD_CONTENT_PUBLIC_URL", config.baseUrl(ServiceSpec.CONTENT)));
        environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(config.managementPort(service)));
        // the packaged services run in the prod profile, whose JSON log lines are for a collector: people read these files
        environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        if (service == ServiceSpec.FEED) {
            // subscribers on this machine are what local development needs; production allows no private address
            environment.put("HERALD_DELIVERIES_ALLOW", "127.0.0.0/8,::1/128");
            environment.put("HERALD_DELIVERIES_SECRET_KEY", SecretKeyFile.read(config.keyDirectory().resolve("deliveries.key")));
            // no proxy stands in front here: the connection's address is the client's, whatever X-Forwarded-For says
            // (and reading those headers cost 9 % of a feed revalidation's event-loop time, docs/performance.md)
            environment.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "false");
        }
        return environment;
    }
}
