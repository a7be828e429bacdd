package dev.herald.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.herald.events.AttendeesEvent.Affiliation;
import dev.herald.events.AttendeesEvent.EventDetails;
import dev.herald.events.AttendeesEvent.Link;
import dev.herald.events.AttendeesEvent.Mentorship;
import dev.herald.events.AttendeesEvent.Organisation;
import dev.herald.events.AttendeesEvent.Participant;
import dev.herald.events.AttendeesEvent.Participants;
import dev.herald.events.AttendeesEvent.Person;
import dev.herald.events.AttendeesEvent.PersonRef;
import dev.herald.events.AttendeesEvent.Sponsor;
import dev.herald.events.AttendeesEvent.Talk;
import dev.herald.events.ReportsEvent.Author;
import dev.herald.events.ReportsEvent.EventRef;
import dev.herald.events.ReportsEvent.Image;
import dev.herald.events.ReportsEvent.Report;

/** One event of every type with every field set, as a producer would record it. */
final class Samples {

    private static final UUID ID = UUID.fromString("0b6f2f2e-7f4d-4d7e-9d43-5b0f7b6d1a01");
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00.123456Z");
    private static final Organisation PSF = new Organisation(UUID.randomUUID(), "psf", "Python Software Foundation",
            "https://www.python.org/psf/", "foundation");
    private static final PersonRef ADA = new PersonRef(UUID.randomUUID(), "ada-lovelace", "Ada Lovelace");
    private static final PersonRef GRACE = new PersonRef(UUID.randomUUID(), "grace-hopper", "Grace Hopper");

    private Samples() {
    }

    static HeraldEvent of(EventType type) {
        return switch (type) {
            case PERSON_CREATED -> new AttendeesEvent.PersonCreated(person());
            case PERSON_UPDATED -> new AttendeesEvent.PersonUpdated(person());
            case PERSON_ERASED -> AttendeesEvent.PersonErased.keepingPublicRecord(ID, "ada-lovelace", "Ada Lovelace");
            case ORGANISATION_CREATED -> new AttendeesEvent.OrganisationCreated(PSF);
            case ORGANISATION_UPDATED -> new AttendeesEvent.OrganisationUpdated(PSF);
            case ORGANISATION_DELETED -> new AttendeesEvent.OrganisationDeleted(PSF);
            case EVENT_CREATED -> new AttendeesEvent.EventCreated(event());
            case EVENT_UPDATED -> new AttendeesEvent.EventUpdated(event());
            case EVENT_DELETED -> new AttendeesEvent.EventDeleted(ID, "core-sprint-2019");
            case REPORT_PUBLISHED -> new ReportsEvent.ReportPublished(report(new EventRef("core-sprint-2019")));
            case REPORT_UPDATED -> new ReportsEvent.ReportUpdated(report(new EventRef("core-sprint-2019")));
            case REPORT_UNPUBLISHED -> new ReportsEvent.ReportUnpublished(ID, 4, "sprint", "/2019/10/sprint.html", AT);
            case SUBSCRIPTION_DISABLED -> new NotificationsEvent.SubscriptionDisabled(ID, "hooks.example:443",
                    "the team chat", "the endpoint answered 410 Gone", AT.minusSeconds(3600), AT, 410, "none");
        };
    }

    static Person person() {
        return new Person(ID, "ada-lovelace", "Ada Lovelace", "Wrote the first program.", "ada", "https://example.org/ada.png",
                "ada.bsky.social", "https://mastodon.example/@ada", "https://ada.example", true,
                List.of(new Affiliation(UUID.randomUUID(), PSF, "Fellow", LocalDate.of(2019, 1, 1), LocalDate.of(2020, 1, 1))));
    }

    static Report report(EventRef event) {
        return new Report(ID, 3, "sprint", "Sprint", "Five days of work.", "<p>Five days.</p>",
                new Author("Ada Lovelace", "ada-lovelace"), event, List.of("sprint", "core"), AT, AT.plusSeconds(60),
                "/2019/10/sprint.html", List.of(new Image("https://herald.example/assets/sprint/photo.jpeg", "image/jpeg", 2048)));
    }

    private static EventDetails event() {
        Participant ada = new Participant(ADA.id(), ADA.slug(), ADA.name(), List.of("attendee", "mentor"));
        Participant grace = new Participant(GRACE.id(), GRACE.slug(), GRACE.name(), List.of("mentee"));
        return new EventDetails(ID, "core-sprint-2019", "Core Sprint 2019", "sprint", LocalDate.of(2019, 9, 9),
                LocalDate.of(2019, 9, 13), "Bloomberg", "London", PSF, "Five days of CPython.",
                List.of(new Link("Recording", "https://video.example/sprint")), 34,
                new Participants(List.of(ada), List.of(), List.of(ada), List.of(grace), List.of(), List.of()),
                List.of(new Mentorship(UUID.randomUUID(), ADA, GRACE, false)),
                List.of(new Sponsor(UUID.randomUUID(), PSF, "travel_funding", "flights")),
                List.of(new Talk(UUID.randomUUID(), "Faster CPython", "talk", LocalDate.of(2019, 9, 10), 2, List.of(ADA))));
    }
}
