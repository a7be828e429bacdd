package dev.herald.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every CloudEvents type Herald publishes: its name, topic, data record and {@code dataschema}, the {@code $id} of
 * its JSON Schema in docs/events (the source of truth, which {@code EventContractTest} checks the records against).
 */
public enum EventType {
    PERSON_CREATED("dev.herald.person.created", Topic.ATTENDEES, AttendeesEvent.PersonCreated.class),
    PERSON_UPDATED("dev.herald.person.updated", Topic.ATTENDEES, AttendeesEvent.PersonUpdated.class),
    PERSON_ERASED("dev.herald.person.erased", Topic.ATTENDEES, AttendeesEvent.PersonErased.class),
    ORGANISATION_CREATED("dev.herald.organisation.created", Topic.ATTENDEES, AttendeesEvent.OrganisationCreated.class),
    ORGANISATION_UPDATED("dev.herald.organisation.updated", Topic.ATTENDEES, AttendeesEvent.OrganisationUpdated.class),
    ORGANISATION_DELETED("dev.herald.organisation.deleted", Topic.ATTENDEES, AttendeesEvent.OrganisationDeleted.class),
    EVENT_CREATED("dev.herald.event.created", Topic.ATTENDEES, AttendeesEvent.EventCreated.class),
    EVENT_UPDATED("dev.herald.event.updated", Topic.ATTENDEES, AttendeesEvent.EventUpdated.class),
    EVENT_DELETED("dev.herald.event.deleted", Topic.ATTENDEES, AttendeesEvent.EventDeleted.class),
    REPORT_PUBLISHED("dev.herald.report.published", Topic.REPORTS, ReportsEvent.ReportPublished.class),
    REPORT_UPDATED("dev.herald.report.updated", Topic.REPORTS, ReportsEvent.ReportUpdated.class),
    REPORT_UNPUBLISHED("dev.herald.report.unpublished", Topic.REPORTS, ReportsEvent.ReportUnpublished.class),
    SUBSCRIPTION_DISABLED("dev.herald.subscription.disabled", Topic.NOTIFICATIONS, NotificationsEvent.SubscriptionDisabled.class);

    private static final String SCHEMAS = "https://herald.dev/schemas/events/";

    private final String type;
    private final Topic topic;
    private final Class<? extends HeraldEvent> data;

    EventType(String type, Topic topic, Class<? extends HeraldEvent> data) {
        this.type = type;
        this.topic = topic;
        this.data = data;
    }

    /** The CloudEvents {@code type}, {@code dev.herald.<aggregate>.<change>}. */
    public String type() {
        return type;
    }

    public Topic topic() {
        return topic;
    }

    public Class<? extends HeraldEvent> data() {
        return data;
    }

    /** The CloudEvents {@code dataschema}: where the type's JSON Schema lives, its {@code $id}. */
    public URI dataschema() {
        return URI.create(SCHEMAS + topic.folder() + "/" + type + ".json");
    }

    /** The type of this name; empty for one this release does not know (a newer producer's, or a stranger's). */
    public static Optional<EventType> named(String type) {
        return Arrays.stream(values()).filter(known -> known.type.equals(type)).findFirst();
    }

    public static EventType of(HeraldEvent event) {
        return Arrays.stream(values()).filter(known -> known.data == event.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(event.getClass() + " is no event type of the contract"));
    }
}
