package dev.herald.attendees.participation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.attendees.api.ImportReport;
import dev.herald.attendees.api.ImportRow;
import dev.herald.attendees.event.Event;
import dev.herald.attendees.event.EventChanges;
import dev.herald.attendees.event.EventRepository;
import dev.herald.attendees.event.Role;
import dev.herald.attendees.person.PersonService;
import dev.herald.problem.FieldError;
import dev.herald.problem.LowerCaseEnumNaming;
import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Imports an event's attendee list: people by slug or by name (created when nobody has the name), roles added to
 * what they already hold, so a re-import changes nothing. Good rows are stored, bad rows reported.
 */
@ApplicationScoped
public class AttendeeImportService {

    private static final String ROLE_NAMES = EnumSet.allOf(Role.class).stream().map(LowerCaseEnumNaming::of)
            .collect(Collectors.joining(", "));

    private final EventRepository events;
    private final EventChanges changes;
    private final PersonService people;
    private final ParticipationService participations;

    public AttendeeImportService(EventRepository events, EventChanges changes, PersonService people,
            ParticipationService participations) {
        this.events = events;
        this.changes = changes;
        this.people = people;
        this.participations = participations;
    }

    @WithTransaction
    public Uni<ImportReport> importLines(String eventSlug, List<AttendeeLine> lines) {
        return events.require(eventSlug).flatMap(event -> {
            Uni<List<ImportRow>> chain = Uni.createFrom().item(new ArrayList<>());
            for (AttendeeLine line : lines) {
                chain = chain.flatMap(done -> importLine(event, line).map(row -> {
                    done.add(row);
                    return done;
                }));
            }
            return chain.map(ImportReport::of).call(report -> report.created() + report.updated() > 0
                    ? changes.updated(event)
                    : Uni.createFrom().voidItem());
        });
    }

    private Uni<ImportRow> importLine(Event event, AttendeeLine line) {
        List<FieldError> errors = new ArrayList<>(line.errors());
        String person = line.person() == null ? "" : line.person().strip();
        if (errors.isEmpty() && (person.isEmpty() || person.length() > 200)) {
            errors.add(new FieldError("person", "must be a person slug or a name of at most 200 characters"));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : line.roles()) {
            try {
                roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("roles", "'" + name + "' is not one of " + ROLE_NAMES));
            }
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(ImportRow.failed(line.row(), line.person(), errors));
        }
        if (roles.isEmpty()) {
            roles.add(Role.ATTENDEE);
        }
        return people.resolveOrCreate(person)
                .flatMap(found -> participations.addRoles(event, found, roles)
                        .map(status -> ImportRow.of(line.row(), found.slug, status)))
                .onFailure(ProblemException.class)
                .recoverWithItem(e -> ImportRow.failed(line.row(), person, ((ProblemException) e).errors()));
    }
}
