package dev.herald.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The events attendees-service publishes on attendees.events (docs/events/attendees): every change to a person,
 * organisation or event carries the aggregate's whole public state. Key: the aggregate id; subject: its slug.
 * Kinds and roles are the schemas' lower-case enum values.
 */
public sealed interface AttendeesEvent extends HeraldEvent {

    /** {@code dev.herald.person.created} and {@code .updated}: everything public about the person. */
    sealed interface PersonState extends AttendeesEvent {
        Person person();

        @Override
        default UUID id() {
            return person().id();
        }

        @Override
        default String subject() {
            return person().slug();
        }
    }

    record PersonCreated(@JsonValue Person person) implements PersonState {
    }

    record PersonUpdated(@JsonValue Person person) implements PersonState {
    }

    /** Never the e-mail. */
    record Person(UUID id, String slug, String name, String bio, String github, String avatar, String bluesky,
            String mastodon, String website, boolean featured, List<Affiliation> affiliations) {
    }

    record Affiliation(UUID id, Organisation organisation, String title, LocalDate since, LocalDate until) {
    }

    /**
     * {@code dev.herald.person.erased}: without consent to keep the public record only the id (no subject), and
     * consumers drop everything they hold about it; with consent the slug and name stay, the profile goes.
     */
    record PersonErased(UUID id, boolean publicRecordRetained, @JsonInclude(JsonInclude.Include.NON_NULL) String slug,
            @JsonInclude(JsonInclude.Include.NON_NULL) String name) implements AttendeesEvent {

        public static PersonErased withoutPublicRecord(UUID id) {
            return new PersonErased(id, false, null, null);
        }

        public static PersonErased keepingPublicRecord(UUID id, String slug, String name) {
            return new PersonErased(id, true, slug, name);
        }

        @Override
        public String subject() {
            return slug;
        }
    }

    /** {@code dev.herald.organisation.created}, {@code .updated} and {@code .deleted} (as it was). */
    sealed interface OrganisationState extends AttendeesEvent {
        Organisation organisation();

        @Override
        default UUID id() {
            return organisation().id();
        }

        @Override
        default String subject() {
            return organisation().slug();
        }
    }

    record OrganisationCreated(@JsonValue Organisation organisation) implements OrganisationState {
    }

    record OrganisationUpdated(@JsonValue Organisation organisation) implements OrganisationState {
    }

    record OrganisationDeleted(@JsonValue Organisation organisation) implements OrganisationState {
    }

    record Organisation(UUID id, String slug, String name, String url, String kind) {
    }

    /**
     * {@code dev.herald.event.created} and {@code .updated}: the whole event, also on every change to who took part,
     * mentorships, sponsors and talks.
     */
    sealed interface EventState extends AttendeesEvent {
        EventDetails event();

        @Override
        default UUID id() {
            return event().id();
        }

        @Override
        default String subject() {
            return event().slug();
        }
    }

    record EventCreated(@JsonValue EventDetails event) implements EventState {
    }

    record EventUpdated(@JsonValue EventDetails event) implements EventState {
    }

    record EventDetails(UUID id, String slug, String name, String kind, LocalDate startDate, LocalDate endDate,
            String venue, String city, Organisation host, String description, List<Link> links, Integer attendance,
            Participants participants, List<Mentorship> mentorships, List<Sponsor> sponsors, List<Talk> talks) {
    }

    record Link(String title, String url) {
    }

    /** Participants grouped by role; a person appears under each role they hold. */
    record Participants(List<Participant> attendee, List<Participant> organiser, List<Participant> mentor,
            List<Participant> mentee, List<Participant> speaker, List<Participant> remote) {
    }

    record Participant(UUID id, String slug, String name, List<String> roles) {
    }

    /** A person as other aggregates name them: consumers join on {@code id}. */
    record PersonRef(UUID id, String slug, String name) {
    }

    record Mentorship(UUID id, PersonRef mentor, PersonRef mentee, boolean remote) {
    }

    record Sponsor(UUID id, Organisation organisation, String kind, String note) {
    }

    record Talk(UUID id, String title, String kind, LocalDate day, Integer slot, List<PersonRef> speakers) {
    }

    /** {@code dev.herald.event.deleted}. */
    record EventDeleted(UUID id, String slug) implements AttendeesEvent {
        @Override
        public String subject() {
            return slug;
        }
    }
}
