package dev.herald.content.outbox;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends committed outbox rows to reports.events in commit order as binary-mode CloudEvents keyed by report id, and
 * marks a row sent only after the broker acknowledged it (acks=all, idempotent producer). A crash between the ack and
 * the mark sends the row again with the same id, which consumers de-duplicate: at least once, never zero times.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Emitter<String> reports;
    private final OutboxRepository repository;
    private final OutboxConfig config;
    private final AtomicBoolean pending = new AtomicBoolean();
    // a plain thread of its own: no request's Vert.x context (and Hibernate session) may leak into a relay run
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(@Channel("reports-out") Emitter<String> reports, OutboxRepository repository, OutboxConfig config) {
        this.reports = reports;
        this.repository = repository;
        this.config = config;
    }

    /** Called after a transaction that recorded events has committed, so they need not wait for the next poll. */
    public void wake() {
        if (pending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    @Scheduled(every = "${herald.outbox.poll-interval}", delayed = "${herald.outbox.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    // runs on the relay's own thread only: one run at a time keeps the send order
    private void drain() {
        pending.set(false);
        try {
            relay();
        } catch (Throwable e) {
            LOG.warnf("Outbox relay run failed, the next one retries: %s", e.toString());
        }
    }

    private void relay() throws Throwable {
        List<OutboxEvent> batch;
        do {
            batch = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> repository.pending(config.batchSize())));
            List<UUID> acknowledged = send(batch);
            if (!acknowledged.isEmpty()) {
                VertxContextSupport.subscribeAndAwait(
                        () -> Panache.withTransaction(() -> repository.markSent(acknowledged, Instant.now())));
            }
            if (acknowledged.size() < batch.size()) {
                return;
            }
        } while (batch.size() == config.batchSize());
    }

    /** Sends the batch pipelined (the idempotent producer keeps the order) and answers the acknowledged prefix. */
    private List<UUID> send(List<OutboxEvent> batch) throws InterruptedException {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (OutboxEvent event : batch) {
            acks.add(send(event));
        }
        List<UUID> acknowledged = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(batch.get(i).id);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("Outbox event %s not acknowledged, will retry: %s", batch.get(i).id, e.getMessage());
                break;
            }
        }
        return acknowledged;
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.id.toString())
                .withSource(URI.create(config.source()))
                .withType(event.type)
                .withSubject(event.subject)
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        Message<String> message = Message.of(event.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.aggregateId.toString()).build())
                .addMetadata(cloudEvent)
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            reports.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }
}
