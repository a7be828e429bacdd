package dev.herald.attendees.talk;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.attendees.event.Event;
import dev.herald.attendees.event.EventChanges;
import dev.herald.attendees.event.EventParts;
import dev.herald.attendees.event.EventRepository;
import dev.herald.attendees.event.Role;
import dev.herald.attendees.participation.ParticipationService;
import dev.herald.attendees.person.Person;
import dev.herald.attendees.person.PersonService;
import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TalkService implements EventParts<TalkInput, TalkView> {

    private final TalkRepository talks;
    private final EventRepository events;
    private final EventChanges changes;
    private final PersonService people;
    private final ParticipationService participations;

    public TalkService(TalkRepository talks, EventRepository events, EventChanges changes, PersonService people,
            ParticipationService participations) {
        this.talks = talks;
        this.events = events;
        this.changes = changes;
        this.people = people;
        this.participations = participations;
    }

    @WithSession
    public Uni<List<TalkView>> list(String eventSlug, TalkKind kind) {
        return events.require(eventSlug).flatMap(talks::ofEvent)
                .map(all -> all.stream().filter(t -> kind == null || t.kind == kind).map(TalkView::of).toList());
    }

    @WithTransaction
    @Override
    public Uni<TalkView> add(String eventSlug, TalkInput input) {
        return events.require(eventSlug).flatMap(event -> titleFree(event, input.title(), null)
                .flatMap(free -> speakers(input))
                .flatMap(speakers -> {
                    Talk talk = new Talk();
                    talk.event = event;
                    return save(event, talk, input, speakers);
                }));
    }

    @WithTransaction
    @Override
    public Uni<TalkView> update(String eventSlug, UUID id, TalkInput input) {
        return events.require(eventSlug).flatMap(event -> talks.findInEvent(event, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Talk", id.toString()))
                .flatMap(talk -> titleFree(event, input.title(), talk.id)
                        .flatMap(free -> speakers(input))
                        .flatMap(speakers -> save(event, talk, input, speakers))));
    }

    @WithTransaction
    @Override
    public Uni<Void> remove(String eventSlug, UUID id) {
        return events.require(eventSlug).flatMap(event -> talks.findInEvent(event, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Talk", id.toString()))
                .flatMap(talks::delete)
                .flatMap(deleted -> changes.updated(event)));
    }

    /** Speakers keep the roles they had for earlier talks: removing a speaker does not remove the role. */
    private Uni<TalkView> save(Event event, Talk talk, TalkInput input, List<Person> speakers) {
        talk.title = input.title().strip();
        talk.kind = input.kind();
        talk.day = input.day();
        talk.slot = input.slot();
        talk.speakers.clear();
        talk.speakers.addAll(speakers);
        Uni<Talk> saved = talks.persist(talk);
        for (Person speaker : speakers) {
            saved = saved.call(done -> participations.addRoles(event, speaker, EnumSet.of(Role.SPEAKER)));
        }
        return saved.call(done -> changes.updated(event)).map(TalkView::of);
    }

    private Uni<List<Person>> speakers(TalkInput input) {
        List<String> slugs = input.speakers() == null ? List.of() : input.speakers();
        if (slugs.stream().distinct().count() != slugs.size()) {
            throw ProblemException.invalid("speakers", "must not name a speaker twice");
        }
        Uni<List<Person>> chain = Uni.createFrom().item(new ArrayList<>());
        for (int i = 0; i < slugs.size(); i++) {
            String field = "speakers[" + i + "]";
            String slug = slugs.get(i);
            chain = chain.flatMap(found -> people.requireReference(slug, field).map(person -> {
                found.add(person);
                return found;
            }));
        }
        return chain;
    }

    private Uni<Boolean> titleFree(Event event, String title, UUID self) {
        return talks.count("event = ?1 and title = ?2 and id <> ?3", event, title.strip(),
                self == null ? new UUID(0, 0) : self).map(others -> {
                    if (others > 0) {
                        throw ProblemException.conflict("title", "the event already has a talk titled '" + title + "'");
                    }
                    return true;
                });
    }
}
