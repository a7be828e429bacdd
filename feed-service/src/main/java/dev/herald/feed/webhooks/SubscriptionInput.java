package dev.herald.feed.webhooks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A subscription as an admin writes it (create, or replace with PUT); no filters means everything, active by default. */
public record SubscriptionInput(
        @NotBlank @Size(max = 2000) String url,
        @Size(max = 500) String description,
        @Valid SubscriptionFilters filters,
        Boolean active) {

    public SubscriptionInput {
        filters = filters == null ? SubscriptionFilters.EVERYTHING : filters;
        active = active == null ? Boolean.TRUE : active;
    }
}
