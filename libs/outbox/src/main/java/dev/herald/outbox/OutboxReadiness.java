package dev.herald.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while an event has waited in the outbox longer than {@code herald.outbox.max-age-unsent}: the broker
 * takes nothing from this service, so what it changes reaches nobody.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    private final OutboxBacklog backlog;
    private final OutboxConfig config;

    public OutboxReadiness(OutboxBacklog backlog, OutboxConfig config) {
        this.backlog = backlog;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxBacklog.Counts counts = backlog.counts();
        return HealthCheckResponse.named("outbox")
                .status(counts.oldestAgeSeconds() <= config.maxAgeUnsent().toSeconds())
                .withData("pending", counts.pending())
                .withData("oldestAgeSeconds", Math.round(counts.oldestAgeSeconds()))
                .withData("maxAgeUnsentSeconds", config.maxAgeUnsent().toSeconds())
                .build();
    }
}
