package dev.herald.stack.chaos;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the run's clients were told: per report, person and event the last acknowledged write, or "unknown" after a
 * write whose answer never came (it may or may not have happened, so only a later acknowledged write sets it again).
 */
final class Ledger {

    /** A report as its last acknowledged write left it; null fields are unknown. */
    record Report(String id, String slug, Boolean published, String title) {
    }

    /** A person's bio as last acknowledged, or erased; null bio with erased false: unknown. */
    record Person(String slug, String bio, boolean erased) {
    }

    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final Map<String, String> eventDescriptions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> eventKnown = new ConcurrentHashMap<>();

    void report(String id, String slug, Boolean published, String title) {
        reports.put(id, new Report(id, slug, published, title));
    }

    void publication(String id, Boolean published) {
        reports.computeIfPresent(id, (key, report) -> new Report(id, report.slug(), published, report.title()));
    }

    void title(String id, String title) {
        reports.computeIfPresent(id, (key, report) -> new Report(id, report.slug(), report.published(), title));
    }

    List<Report> reports() {
        return List.copyOf(reports.values());
    }

    Optional<Report> report(String id) {
        return Optional.ofNullable(reports.get(id));
    }

    void person(String slug, String bio, boolean erased) {
        people.put(slug, new Person(slug, bio, erased));
    }

    List<Person> people() {
        return List.copyOf(people.values());
    }

    /** An event's description as last acknowledged; null: unknown. */
    void event(String slug, String description) {
        eventKnown.put(slug, true);
        if (description == null) {
            eventDescriptions.remove(slug);
        } else {
            eventDescriptions.put(slug, description);
        }
    }

    List<String> events() {
        return List.copyOf(eventKnown.keySet());
    }

    Optional<String> eventDescription(String slug) {
        return Optional.ofNullable(eventDescriptions.get(slug));
    }
}
