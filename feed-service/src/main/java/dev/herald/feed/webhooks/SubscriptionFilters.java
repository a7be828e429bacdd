package dev.herald.feed.webhooks;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Which changes a subscription is told about. An empty list does not filter; within a list any value matches; a
 * change must pass every list. {@code events} holds event slugs, {@code types} what happened to the report.
 */
public record SubscriptionFilters(
        @Size(max = MAX_VALUES) List<@NotBlank @Size(max = MAX_LENGTH) String> tags,
        @Size(max = MAX_VALUES) List<@NotBlank @Size(max = MAX_LENGTH) String> authors,
        @Size(max = MAX_VALUES) List<@NotBlank @Size(max = MAX_LENGTH) String> events,
        @Size(max = 3) List<@NotBlank @Pattern(regexp = "published|updated|unpublished",
                message = "must be published, updated or unpublished") String> types) {

    static final int MAX_VALUES = 50;
    static final int MAX_LENGTH = 200;

    public static final SubscriptionFilters EVERYTHING = new SubscriptionFilters(List.of(), List.of(), List.of(), List.of());

    public SubscriptionFilters {
        tags = tags == null ? List.of() : tags;
        authors = authors == null ? List.of() : authors;
        events = events == null ? List.of() : events;
        types = types == null ? List.of() : types;
    }
}
