package dev.herald.stack.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.herald.stack.Pause;
import dev.herald.stack.ServiceSpec;

/**
 * When nothing is left in flight: every outbox sent, every consumer group at the end of its topics, no webhook or
 * WebSub delivery open; what is still busy otherwise, read from the databases and the broker as an operator would.
 */
final class Quiet {

    private static final String OUTBOX_UNSENT = "select count(*) from outbox where sent_at is null and parked_at is null";
    private static final String OUTBOX_PARKED = "select count(*) from outbox where parked_at is not null";
    private static final String DELIVERIES_OPEN = "select count(*) from delivery where state in ('pending', 'sending')";
    /** Consumer groups (each service's application.properties) and what they read. */
    private static final Map<String, List<String>> GROUPS = Map.of(
            "feed-service", List.of("reports.events", "attendees.events"),
            "content-service-directory", List.of("attendees.events"));

    private final ChaosStack stack;

    Quiet(ChaosStack stack) {
        this.stack = stack;
    }

    /** Waits until {@link #busy()} is empty twice in a row a second apart; what was still busy at the deadline otherwise. */
    List<String> await(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> busy = busy();
        boolean quietOnce = false;
        while (Instant.now().isBefore(deadline)) {
            if (busy.isEmpty() && quietOnce) {
                return busy;
            }
            quietOnce = busy.isEmpty();
            Pause.of(Duration.ofSeconds(1));
            busy = busy();
        }
        return busy;
    }

    /** Everything still in flight, one line each. */
    List<String> busy() {
        List<String> busy = new ArrayList<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            long unsent = count(service, OUTBOX_UNSENT);
            if (unsent != 0) {
                busy.add(service.name() + ": " + (unsent < 0 ? "database not answering" : unsent + " outbox rows unsent"));
            }
        }
        long open = count(ServiceSpec.FEED, DELIVERIES_OPEN);
        if (open != 0) {
            busy.add("feed-service: " + (open < 0 ? "database not answering" : open + " deliveries open"));
        }
        busy.addAll(consumerLag());
        return busy;
    }

    /** Outbox rows Kafka refused for good, per service. */
    Map<String, Long> parked() {
        return ServiceSpec.ALL.stream().collect(Collectors.toMap(ServiceSpec::name, service -> count(service, OUTBOX_PARKED)));
    }

    long unsent(ServiceSpec service) {
        return count(service, OUTBOX_UNSENT);
    }

    /** -1 when the database does not answer. */
    private long count(ServiceSpec service, String sql) {
        String user = service.database();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(service), user, user);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private List<String> consumerLag() {
        List<String> lagging = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            for (var group : GROUPS.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(group.getValue()).allTopicNames().get().values().stream()
                        .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                for (var end : admin.listOffsets(ends).all().get().entrySet()) {
                    ListOffsetsResult.ListOffsetsResultInfo info = end.getValue();
                    OffsetAndMetadata at = committed.get(end.getKey());
                    long lag = info.offset() - (at == null ? 0 : at.offset());
                    if (lag > 0) {
                        lagging.add(group.getKey() + ": " + lag + " records behind on " + end.getKey());
                    }
                }
            }
        } catch (ExecutionException e) {
            lagging.add("Kafka not answering: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lagging;
    }
}
