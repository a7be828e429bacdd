package dev.herald.feed.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import dev.herald.outbox.CommitListener;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.opentelemetry.runtime.tracing.mutiny.MutinyTracingHelper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * Sends queued deliveries on every replica: claims due ones (at most {@code max-in-flight} here, {@code max-per-host}
 * per host across replicas, one at a time per subscription), lets their channel build each attempt, POSTs it and
 * records the outcome, retrying on the schedule, each attempt in a span of the trace that queued it. A slow receiver
 * holds only its own slots, never the feeds' consumer.
 */
@ApplicationScoped
class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final int BATCH = 200;
    private static final Duration CLAIM_RETRY = Duration.ofMillis(50);

    private final DeliveryQueue queue;
    private final Tracer tracer;
    private final CallbackClient client;
    private final DeliveryConfig config;
    private final DeliveryMetrics metrics;
    private final Vertx vertx;
    private final Map<String, DeliveryChannel> channels;
    private final Duration lease;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final Queue<Long> timers = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;

    DeliveryDispatcher(DeliveryQueue queue, CallbackClient client, DeliveryConfig config, DeliveryMetrics metrics,
            Vertx vertx, Instance<DeliveryChannel> channels, Tracer tracer) {
        this.queue = queue;
        this.tracer = tracer;
        this.client = client;
        this.config = config;
        this.metrics = metrics;
        this.vertx = vertx;
        this.channels = channels.stream().collect(Collectors.toMap(DeliveryChannel::kind, Function.identity()));
        // an attempt ends within its timeout; the margin covers settling it, so a live replica's lease never lapses
        this.lease = config.attemptTimeout().multipliedBy(2).plusSeconds(5);
    }

    void start(@Observes StartupEvent startup, CommitListener commits) {
        // a trigger on delivery notifies at the commit of every transaction that queued deliveries
        commits.listen("delivery_queued", this::wake);
        timers.add(vertx.setPeriodic(config.pollInterval().toMillis(), tick -> wake()));
        timers.add(vertx.setPeriodic(Duration.ofHours(1).toMillis(), tick -> queue.purgeSettled(Instant.now().minus(config.retention()))
                .subscribe().with(purged -> LOG.debugf("Purged %d settled deliveries", purged),
                        failure -> LOG.warnf("Delivery purge failed: %s", failure.toString()))));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
    }

    /** Claims what is due, or asks the claim under way to go on. */
    void wake() {
        wanted.set(true);
        if (stopped || !running.compareAndSet(false, true)) {
            return;
        }
        wanted.set(false);
        int room = Math.min(BATCH, config.maxInFlight() - inFlight.get());
        if (room <= 0) {
            running.set(false);
            return;
        }
        queue.claim(config.maxPerHost(), room, lease).subscribe().with(claimed -> {
            running.set(false);
            if (claimed == null) {
                // another replica is claiming: look again right after it
                timers.add(vertx.setTimer(CLAIM_RETRY.toMillis(), retry -> wake()));
                return;
            }
            claimed.forEach(this::attempt);
            if (claimed.size() == room || wanted.get()) {
                wake();
            }
        }, failure -> {
            running.set(false);
            LOG.warnf("Claiming deliveries failed, the next poll retries: %s", failure.toString());
        });
    }

    private void attempt(Delivery delivery) {
        inFlight.incrementAndGet();
        DeliveryChannel channel = channels.get(delivery.kind());
        Instant started = Instant.now();
        Uni<Optional<OutgoingRequest>> prepared = channel == null
                ? Uni.createFrom().failure(new IllegalStateException("no channel delivers " + delivery.kind()))
                : channel.prepare(delivery);
        Uni<Boolean> sent = prepared.flatMap(request -> request.isEmpty() ? queue.drop(delivery).replaceWith(false)
                        : client.post(request.get())
                                .map(response -> result(delivery, started, response.status(), response.successful()
                                        ? null : "HTTP " + response.status(), response.successful()))
                                .onFailure().recoverWithItem(failure -> result(delivery, started, null, describe(failure), false))
                                .flatMap(result -> queue.settle(delivery, result)
                                        .flatMap(recorded -> recorded ? channel.settled(delivery, result).replaceWith(result)
                                                : Uni.createFrom().<AttemptResult>nullItem()))
                                .invoke(result -> {
                                    if (result != null) {
                                        metrics.attempted(delivery.kind(), result);
                                        wakeAt(result.nextAttemptAt());
                                    }
                                })
                                .replaceWith(true));
        // each attempt continues the trace of the change that queued the delivery
        MutinyTracingHelper.wrapWithSpan(tracer, Optional.of(delivery.trace().context()), "deliver " + delivery.kind(), sent)
                .subscribe().with(done -> finished(), failure -> {
                    LOG.warnf("Delivery %d (%s) could not be attempted; it is retried when its lease lapses: %s",
                            delivery.id(), delivery.kind(), failure.toString());
                    finished();
                });
    }

    private void finished() {
        inFlight.decrementAndGet();
        wake();
    }

    private AttemptResult result(Delivery delivery, Instant started, Integer status, String error, boolean delivered) {
        Duration took = Duration.between(started, Instant.now());
        if (delivered) {
            return new AttemptResult(delivery.attempt(), started, status, null, took, AttemptResult.Outcome.DELIVERED, null);
        }
        List<Duration> schedule = config.retrySchedule();
        if (delivery.attempt() > schedule.size()) {
            return new AttemptResult(delivery.attempt(), started, status, error, took, AttemptResult.Outcome.FAILED, null);
        }
        return new AttemptResult(delivery.attempt(), started, status, error, took, AttemptResult.Outcome.RETRYING,
                Instant.now().plus(jittered(schedule.get(delivery.attempt() - 1))));
    }

    private Duration jittered(Duration wait) {
        double factor = 1 + config.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(wait.toMillis() * factor)));
    }

    /** A retry due before the next poll gets a timer of its own. */
    private void wakeAt(Instant due) {
        if (due == null) {
            return;
        }
        long delay = Duration.between(Instant.now(), due).toMillis();
        if (delay < config.pollInterval().toMillis()) {
            vertx.setTimer(Math.max(1, delay + 5), tick -> wake());
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
