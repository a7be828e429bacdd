package dev.herald.attendees.person;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.attendees.api.ImportRow;
import dev.herald.attendees.api.Slugs;
import dev.herald.attendees.event.Event;
import dev.herald.attendees.event.EventChanges;
import dev.herald.attendees.event.EventRepository;
import dev.herald.attendees.organisation.OrganisationService;
import dev.herald.events.AttendeesEvent;
import dev.herald.events.AttendeesEvent.PersonCreated;
import dev.herald.events.AttendeesEvent.PersonErased;
import dev.herald.events.AttendeesEvent.PersonUpdated;
import dev.herald.outbox.Outbox;
import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PersonService {

    private final PersonRepository people;
    private final AffiliationRepository affiliations;
    private final ParticipationHistory participations;
    private final OrganisationService organisations;
    private final EventRepository events;
    private final EventChanges eventChanges;
    private final ErasureRegistry erasures;
    private final Outbox outbox;

    public PersonService(PersonRepository people, AffiliationRepository affiliations,
            ParticipationHistory participations, OrganisationService organisations, EventRepository events,
            EventChanges eventChanges, ErasureRegistry erasures, Outbox outbox) {
        this.people = people;
        this.affiliations = affiliations;
        this.participations = participations;
        this.organisations = organisations;
        this.events = events;
        this.eventChanges = eventChanges;
        this.erasures = erasures;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<Page<PersonView>> page(String q, Boolean featured, PageRequest paging) {
        return paging.read(people.search(q, featured), PersonMapper::toView);
    }

    /** The person with affiliations and participations; the e-mail only for callers allowed to see it. */
    @WithSession
    public Uni<PersonDetail> detail(String slug, boolean withPrivateFields) {
        return require(slug).flatMap(person -> affiliations.ofPerson(person)
                .flatMap(jobs -> participations.of(person)
                        .map(taken -> new PersonDetail(PersonMapper.toView(person), withPrivateFields ? person.email : null,
                                jobs.stream().map(AffiliationView::of).toList(), taken))));
    }

    /**
     * The person with this slug, or a problem naming {@code field} when a request refers to an unknown one: 409 for
     * someone erased at their request, 400 otherwise.
     */
    public Uni<Person> requireReference(String slug, String field) {
        return people.findBySlug(slug).flatMap(person -> person != null ? Uni.createFrom().item(person)
                : erasures.isErasedSlug(slug).<Person>map(erased -> {
                    throw erased ? erasedAtTheirRequest(field, "'" + slug + "'")
                            : ProblemException.invalid(field, "no person has the slug '" + slug + "'");
                }));
    }

    @WithTransaction
    public Uni<PersonView> create(PersonInput input) {
        String slug = input.slug() != null ? input.slug() : Slugs.of(input.name());
        return slugFree(null, slug).flatMap(free -> insert(input, slug)).map(PersonMapper::toView);
    }

    @WithTransaction
    public Uni<PersonView> update(String slug, PersonInput input) {
        String newSlug = input.slug() != null ? input.slug() : slug;
        return require(slug).flatMap(person -> slugFree(person, newSlug).flatMap(free -> {
            PersonMapper.apply(input, newSlug, person);
            return publish(person, PersonUpdated::new);
        })).map(PersonMapper::toView);
    }

    /**
     * Creates or updates by slug inside the caller's transaction, for imports. An input without e-mail keeps the
     * stored one, since the author files carry none. A person erased at their request is never refilled or
     * re-created by an import, whether the slug or the name gives them away.
     */
    public Uni<ImportRow.Status> upsert(String slug, PersonInput input) {
        return people.findBySlug(slug).flatMap(person -> {
            if (person == null) {
                return erasures.isErased(slug, input.name()).flatMap(erased -> {
                    if (erased) {
                        throw erasedAtTheirRequest("slug", "'" + slug + "'");
                    }
                    return insert(input, slug).replaceWith(ImportRow.Status.CREATED);
                });
            }
            if (person.erasedAt != null) {
                throw erasedAtTheirRequest("slug", "'" + slug + "'");
            }
            PersonInput effective = input.email() == null || input.email().isBlank() ? input.withEmail(person.email) : input;
            boolean changed = PersonMapper.apply(effective, slug, person);
            return changed ? publish(person, PersonUpdated::new).replaceWith(ImportRow.Status.UPDATED)
                    : Uni.createFrom().item(ImportRow.Status.UNCHANGED);
        });
    }

    /**
     * For attendee lists, inside the caller's transaction: the person with this slug, or else the one person with
     * this name, created from the name when nobody has it and nobody erased had it. Fails with a message when the
     * reference is ambiguous, unknown or erased.
     */
    public Uni<Person> resolveOrCreate(String slugOrName) {
        String reference = slugOrName.strip();
        if (reference.matches(Slugs.PATTERN)) {
            return requireReference(reference, "person");
        }
        return people.findByName(reference).flatMap(named -> {
            if (named.size() > 1) {
                throw ProblemException.invalid("person", "several people are named '" + reference + "': use a slug");
            }
            if (named.size() == 1) {
                return Uni.createFrom().item(named.get(0));
            }
            String slug = Slugs.of(reference);
            return people.findBySlug(slug).flatMap(taken -> {
                if (taken != null || slug.isEmpty()) {
                    throw ProblemException.invalid("person",
                            "'" + reference + "' is nobody's name and its slug '" + slug + "' is taken or empty");
                }
                return erasures.isErased(slug, reference);
            }).flatMap(erased -> {
                if (erased) {
                    throw erasedAtTheirRequest("person", "'" + reference + "'");
                }
                return insert(new PersonInput(slug, reference, null, null, null, null, null, null, false, null), slug);
            });
        });
    }

    @WithTransaction
    public Uni<AffiliationView> addAffiliation(String slug, AffiliationInput input) {
        if (input.since() != null && input.until() != null && input.until().isBefore(input.since())) {
            throw ProblemException.invalid("until", "must not be before since");
        }
        return require(slug).flatMap(person -> organisations.requireReference(input.organisation(), "organisation")
                .flatMap(organisation -> {
                    Affiliation affiliation = new Affiliation();
                    affiliation.person = person;
                    affiliation.organisation = organisation;
                    affiliation.title = input.title();
                    affiliation.since = input.since();
                    affiliation.until = input.until();
                    return affiliations.persist(affiliation)
                            .call(saved -> publish(person, PersonUpdated::new))
                            .map(AffiliationView::of);
                }));
    }

    @WithTransaction
    public Uni<Void> removeAffiliation(String slug, UUID id) {
        return require(slug).flatMap(person -> affiliations.delete("id = ?1 and person = ?2", id, person)
                .flatMap(deleted -> {
                    if (deleted == 0) {
                        throw ProblemException.notFound("Affiliation", id.toString());
                    }
                    return publish(person, PersonUpdated::new).replaceWithVoid();
                }));
    }

    /**
     * Erases a person's personal data. Without consent to keep the public record, the person and every trace of
     * them (participations, mentorships, talks, affiliations) are deleted, a tombstone keeps imports from
     * re-creating them and the events they were part of are republished; with consent, name and participations
     * stay and everything else is cleared.
     */
    @WithTransaction
    public Uni<Void> erase(String slug, boolean retainPublicRecord) {
        return require(slug).flatMap(person -> retainPublicRecord ? anonymise(person) : forget(person));
    }

    /**
     * For a person who returns and consents: removes the tombstone of this slug, or lets imports refill a person
     * erased with their public record kept. Nothing public changes, so nothing is published.
     */
    @WithTransaction
    public Uni<Void> liftErasure(String slug) {
        return erasures.lift(slug).flatMap(lifted -> people.findBySlug(slug).map(person -> {
            if (person != null && person.erasedAt != null) {
                person.erasedAt = null;
                person.updatedAt = Instant.now();
            } else if (!lifted) {
                throw ProblemException.notFound("Erasure", slug);
            }
            return null;
        }));
    }

    private Uni<Void> anonymise(Person person) {
        person.bio = null;
        person.github = null;
        person.avatar = null;
        person.bluesky = null;
        person.mastodon = null;
        person.website = null;
        person.featured = false;
        person.email = null;
        person.erasedAt = Instant.now();
        person.updatedAt = person.erasedAt;
        return affiliations.delete("person", person)
                .flatMap(deleted -> outbox.record(PersonErased.keepingPublicRecord(person.id, person.slug, person.name)));
    }

    /** The database cascades the delete to participations, mentorships, talks and affiliations. */
    private Uni<Void> forget(Person person) {
        return events.withParticipant(person.id).flatMap(affected -> {
            Uni<Void> chain = people.delete(person).call(people::flush)
                    .call(deleted -> erasures.record(person.slug, person.name))
                    .flatMap(deleted -> outbox.record(PersonErased.withoutPublicRecord(person.id)));
            for (Event event : affected) {
                chain = chain.flatMap(done -> eventChanges.updated(event));
            }
            return chain;
        });
    }

    private Uni<Person> insert(PersonInput input, String slug) {
        Person person = new Person();
        person.createdAt = Instant.now();
        person.updatedAt = person.createdAt;
        PersonMapper.apply(input, slug, person);
        return people.persist(person).call(saved -> publish(saved, PersonCreated::new));
    }

    private Uni<Person> require(String slug) {
        return people.findBySlug(slug).onItem().ifNull().failWith(() -> ProblemException.notFound("Person", slug));
    }

    /** Whether {@code person} (null for a new one) may take the slug: nobody else has it, nobody erased had it. */
    private Uni<Boolean> slugFree(Person person, String slug) {
        if (person != null && slug.equals(person.slug)) {
            return Uni.createFrom().item(true);
        }
        return people.findBySlug(slug).flatMap(other -> {
            if (other != null) {
                throw ProblemException.conflict("slug", "a person with the slug '" + slug + "' exists");
            }
            return erasures.isErasedSlug(slug);
        }).map(erased -> {
            if (erased) {
                throw ProblemException.conflict("slug", "'" + slug + "' was erased at the person's request;"
                        + " DELETE /api/people/erasures/" + slug + " lifts the erasure if they return and consent");
            }
            return true;
        });
    }

    private static ProblemException erasedAtTheirRequest(String field, String who) {
        return ProblemException.conflict(field, who + " was erased at the person's request");
    }

    private Uni<Person> publish(Person person, Function<AttendeesEvent.Person, AttendeesEvent> change) {
        person.updatedAt = Instant.now();
        return affiliations.ofPerson(person)
                .flatMap(jobs -> outbox.record(change.apply(
                        PersonMapper.toView(person).asEvent(jobs.stream().map(AffiliationView::of).toList()))))
                .replaceWith(person);
    }
}
