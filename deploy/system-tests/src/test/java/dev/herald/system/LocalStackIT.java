package dev.herald.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.herald.infra.TopicSpec;
import dev.herald.stack.ServiceSpec;
import dev.herald.stack.StackConfig;

/** The packaged services, started exactly as {@code ./herald up} starts them, on free ports. */
@ExtendWith(SharedStack.Resolver.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final String PROBE_TOPIC = "herald.restart-probe";

    private static SharedStack shared;
    private static StackConfig config;

    @BeforeAll
    static void useTheSharedStack(SharedStack stack) {
        shared = stack;
        config = stack.config();
    }

    @Test
    @Order(1)
    void everyServiceIsReadyOnRealKafkaAndPostgres() {
        for (ServiceSpec service : ServiceSpec.ALL) {
            given().baseUri(config.managementUrl(service)).get("/q/health/ready").then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "Kafka connection health check"));
        }
    }

    @Test
    @Order(1)
    void managementEndpointsAreOnTheManagementPortOnly() {
        for (ServiceSpec service : ServiceSpec.ALL) {
            given().baseUri(config.managementUrl(service)).get("/q/metrics").then().statusCode(200);
            given().baseUri(config.managementUrl(service)).get("/q/openapi").then().statusCode(200);
            given().baseUri(config.baseUrl(service)).get("/q/metrics").then().statusCode(404);
            given().baseUri(config.baseUrl(service)).get("/q/health/ready").then().statusCode(404);
        }
    }

    @Test
    @Order(1)
    void theServicesLogPlainTextForPeopleToRead() throws IOException {
        for (ServiceSpec service : ServiceSpec.ALL) {
            List<String> lines = Files.readAllLines(config.logDirectory().resolve(service.name() + ".log"));
            assertThat(lines).isNotEmpty().noneMatch(line -> line.startsWith("{"));
        }
    }

    @Test
    @Order(1)
    void noProxyStandsInFrontSoXForwardedForNamesNoOtherClient() {
        // the hub's rate limit (20 at once) counts per client address: claiming other addresses must not escape it
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            statuses.add(given().baseUri(config.baseUrl(ServiceSpec.FEED)).header("X-Forwarded-For", "203.0.113." + i)
                    .contentType("application/x-www-form-urlencoded").body("hub.mode=nothing").post("/websub").statusCode());
        }
        assertThat(statuses).contains(400, 429);
    }

    @Test
    @Order(2)
    void topicsExistWithTheirPartitionsAndConfiguration() throws Exception {
        try (Admin admin = admin()) {
            var described = admin.describeTopics(TopicSpec.ALL.stream().map(TopicSpec::name).toList()).allTopicNames().get();
            var configs = admin.describeConfigs(TopicSpec.ALL.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name())).toList()).all().get();
            for (TopicSpec topic : TopicSpec.ALL) {
                assertThat(described.get(topic.name()).partitions()).hasSize(topic.partitions());
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                topic.config().forEach((name, value) -> assertThat(config.get(name).value()).as(topic.name() + " " + name).isEqualTo(value));
            }
        }
    }

    @Test
    @Order(3)
    void tokensOfTheStackOpenTheWriteApisAndOnlyForTheirRole() {
        String attendees = config.baseUrl(ServiceSpec.ATTENDEES);
        given().baseUri(attendees).contentType("application/json").body("{}").post("/api/people").then().statusCode(401);
        given().baseUri(attendees).auth().oauth2(shared.stack().token("editor", Duration.ofMinutes(5)))
                .contentType("application/json").body("{}").post("/api/people").then().statusCode(403);
        int status = given().baseUri(attendees).auth().oauth2(shared.stack().token("admin", Duration.ofMinutes(5)))
                .contentType("application/json").body("{}").post("/api/people").statusCode();
        assertThat(status).isNotIn(401, 403);
    }

    @Test
    @Order(4)
    void stopLeavesNothingBehindAndRestartKeepsTheData() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(PROBE_TOPIC, 2, (short) 1))).all().get();
        }
        String feedJdbc = "jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/feed";
        try (var connection = DriverManager.getConnection(feedJdbc, "feed", "feed");
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE restart_probe (id int)");
            statement.execute("INSERT INTO restart_probe VALUES (42)");
        }

        shared.stop();
        List<Integer> ports = Stream.concat(Stream.of(config.kafkaPort(), config.postgresPort()),
                config.servicePorts().values().stream()).toList();
        assertThat(ports).allSatisfy(port -> assertThat(listening(port)).as("port %d still open", port).isFalse());
        try (Stream<Path> files = Files.walk(config.dataDirectory())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("pid and lock files left in %s", config.dataDirectory())
                    .noneMatch(name -> name.endsWith(".pid") || name.endsWith("lock"));
        }

        shared.start();
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).contains(PROBE_TOPIC);
        }
        try (var connection = DriverManager.getConnection(feedJdbc, "feed", "feed");
                var result = connection.createStatement().executeQuery("SELECT id FROM restart_probe")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(42);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, shared.stack().kafkaBootstrapServers()));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
