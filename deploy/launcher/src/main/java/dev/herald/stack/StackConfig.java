package dev.herald.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import dev.herald.infra.FreePorts;

/**
 * Where the local stack keeps its data and which ports it uses.
 *
 * @param home the repository root: the services' packaged apps are under {@code <service>/target/quarkus-app}
 * @param dataDirectory Kafka logs, the PostgreSQL cluster, signing keys and service logs
 * @param servicePorts the public port of each service, by name
 * @param managementPorts the port of each service's management interface, by name
 * @param services the services to run; the others get their database but are left to {@code quarkus:dev}
 */
public record StackConfig(Path home, Path dataDirectory, int kafkaPort, int postgresPort, Map<String, Integer> servicePorts,
        Map<String, Integer> managementPorts, List<ServiceSpec> services) {

    /** The fixed ports a laptop user and the README expect. */
    public static StackConfig standard(Path home, Path dataDirectory) {
        return new StackConfig(home, dataDirectory, 9092, 5432, ports(ServiceSpec::defaultPort),
                ports(ServiceSpec::defaultManagementPort), ServiceSpec.ALL);
    }

    /** Free ports everywhere, so a test stack runs beside anything else on the machine. */
    public static StackConfig randomPorts(Path home, Path dataDirectory) {
        return new StackConfig(home, dataDirectory, FreePorts.pick(), FreePorts.pick(), ports(service -> FreePorts.pick()),
                ports(service -> FreePorts.pick()), ServiceSpec.ALL);
    }

    private static Map<String, Integer> ports(ToIntFunction<ServiceSpec> port) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ServiceSpec.ALL.forEach(s -> ports.put(s.name(), port.applyAsInt(s)));
        return ports;
    }

    /** The same stack without the named service, which a developer runs in dev mode instead. */
    public StackConfig without(String serviceName) {
        if (ServiceSpec.ALL.stream().noneMatch(s -> s.name().equals(serviceName))) {
            throw new IllegalArgumentException("Unknown service " + serviceName + "; one of " + servicePorts.keySet());
        }
        List<ServiceSpec> remaining = services.stream().filter(s -> !s.name().equals(serviceName)).toList();
        return new StackConfig(home, dataDirectory, kafkaPort, postgresPort, servicePorts, managementPorts, remaining);
    }

    public int port(ServiceSpec service) {
        return servicePorts.get(service.name());
    }

    public String baseUrl(ServiceSpec service) {
        return "http://localhost:" + port(service);
    }

    public int managementPort(ServiceSpec service) {
        return managementPorts.get(service.name());
    }

    /** Where the service's {@code /q/health}, {@code /q/metrics}, {@code /q/openapi} and Swagger UI are. */
    public String managementUrl(ServiceSpec service) {
        return "http://localhost:" + managementPort(service);
    }

    public Path packagedApp(ServiceSpec service) {
        return home.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    public Path keyDirectory() {
        return dataDirectory.resolve("keys");
    }
}
