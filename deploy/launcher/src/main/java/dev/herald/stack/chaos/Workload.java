package dev.herald.stack.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.stack.Pause;
import dev.herald.stack.bench.CorpusZip;
import dev.herald.stack.chaos.Api.Answer;

/**
 * An editor and an admin at work while everything fails under them: import the corpus in small zips (each report
 * published by its front matter), unpublish, republish and edit reports, change people's bios, create and erase
 * people, create events and change them. Every answer goes into the {@link Ledger}; a write without an answer makes
 * its subject unknown, never assumed.
 */
final class Workload implements Runnable {

    private static final int PAUSE_MILLIS = 40;

    private final ChaosStack stack;
    private final Api api;
    private final Random random;
    private final Ledger ledger;
    private final AtomicBoolean stop;
    private final Deque<Path> corpus;
    private final List<String> authors;
    private final String editor;
    private final String admin;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private int created;

    Workload(ChaosStack stack, Api api, Random random, Ledger ledger, AtomicBoolean stop, List<Path> corpus, List<String> authors) {
        this.stack = stack;
        this.api = api;
        this.random = random;
        this.ledger = ledger;
        this.stop = stop;
        this.corpus = new ArrayDeque<>(corpus);
        this.authors = new ArrayList<>(authors);
        this.editor = stack.token("editor");
        this.admin = stack.token("admin");
    }

    @Override
    public void run() {
        while (!stop.get()) {
            int dice = random.nextInt(100);
            try {
                if (dice < 40 && !corpus.isEmpty()) {
                    importSome();
                } else if (dice < 55) {
                    publication(false);
                } else if (dice < 68) {
                    publication(true);
                } else if (dice < 80) {
                    edit();
                } else if (dice < 88) {
                    changeBio();
                } else if (dice < 92) {
                    createPerson();
                } else if (dice < 93) {
                    eraseSomeone();
                } else {
                    changeEvent();
                }
            } catch (IOException e) {
                count("no answer");
                Pause.of(Duration.ofMillis(250));
            }
            Pause.of(Duration.ofMillis(PAUSE_MILLIS));
        }
    }

    /** How many writes got which kind of answer. */
    Map<String, AtomicInteger> counts() {
        return counts;
    }

    /** Reports not imported yet when the run ended. */
    int corpusLeft() {
        return corpus.size();
    }

    private void count(String outcome) {
        counts.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
    }

    /** A 5xx may have been written or not, like no answer at all; a 4xx changed nothing. */
    private boolean settled(Answer answer) {
        count(answer.ok() ? "2xx" : answer.status() >= 500 ? "5xx" : "4xx");
        return answer.status() < 500;
    }

    private void importSome() throws IOException {
        List<Path> batch = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0 && !corpus.isEmpty(); i--) {
            batch.add(corpus.poll());
        }
        Answer answer;
        try {
            answer = api.send("POST", content("/api/reports/import"), editor, "application/zip", CorpusZip.of(batch), null);
        } catch (IOException e) {
            corpus.addAll(batch); // imports are keyed by slug: sending them again later is safe
            throw e;
        }
        if (!settled(answer) || !answer.ok()) {
            corpus.addAll(batch);
            return;
        }
        for (JsonNode result : answer.json().path("reports")) {
            if (result.hasNonNull("id")) {
                ledger.report(result.get("id").asText(), result.get("slug").asText(),
                        "published".equals(result.path("state").asText()), null);
            }
        }
    }

    private void publication(boolean publish) throws IOException {
        List<Ledger.Report> reports = ledger.reports();
        if (reports.isEmpty()) {
            return;
        }
        Ledger.Report report = reports.get(random.nextInt(reports.size()));
        ledger.publication(report.id(), null);
        Answer answer = api.send("POST", content("/api/reports/" + report.id() + (publish ? "/publish" : "/unpublish")),
                editor, null, null, null);
        if (settled(answer)) {
            // a 4xx (already in that state, say) leaves the report as content-service holds it
            ledger.publication(report.id(), answer.ok() ? publish : current(report.id()));
        }
    }

    /** What content-service says now, after a refused write: published or not. */
    private Boolean current(String id) throws IOException {
        Answer answer = api.get(content("/api/reports/" + id), editor);
        return answer.ok() ? "published".equals(answer.json().path("state").asText()) : null;
    }

    private void edit() throws IOException {
        List<Ledger.Report> reports = ledger.reports();
        if (reports.isEmpty()) {
            return;
        }
        Ledger.Report report = reports.get(random.nextInt(reports.size()));
        Answer current = api.get(content("/api/reports/" + report.id()), editor);
        if (!current.ok()) {
            settled(current);
            return;
        }
        JsonNode view = current.json();
        String title = view.path("title").asText().replaceFirst(" \\(edit \\d+\\)$", "") + " (edit " + random.nextInt(1000) + ")";
        ObjectNode input = Api.JSON.createObjectNode();
        for (String field : List.of("slug", "description", "tags", "publishDate", "updatedDate", "legacyUrl", "event", "body")) {
            input.set(field, view.get(field));
        }
        input.put("title", title);
        input.put("authorName", view.path("author").path("name").asText());
        input.set("authorSlug", view.path("author").get("slug"));
        ledger.title(report.id(), null);
        Answer answer = api.send("PUT", content("/api/reports/" + report.id()), editor, "application/json",
                Api.JSON.writeValueAsBytes(input), current.etag());
        if (settled(answer)) {
            ledger.title(report.id(), answer.ok() ? title : view.path("title").asText());
        }
    }

    private void changeBio() throws IOException {
        String slug = authors.get(random.nextInt(authors.size()));
        if (ledger.people().stream().anyMatch(p -> p.slug().equals(slug) && p.erased())) {
            return;
        }
        Answer current = api.get(attendees("/api/people/" + slug), admin);
        if (!current.ok()) {
            settled(current);
            return;
        }
        JsonNode person = current.json();
        ObjectNode input = Api.JSON.createObjectNode();
        for (String field : List.of("slug", "name", "github", "avatar", "bluesky", "mastodon", "website", "featured", "email")) {
            input.set(field, person.get(field));
        }
        String bio = "Bio revision " + random.nextInt(100_000) + " of " + person.path("name").asText();
        input.put("bio", bio);
        ledger.person(slug, null, false);
        Answer answer = api.json("PUT", attendees("/api/people/" + slug), admin, input);
        if (settled(answer)) {
            ledger.person(slug, answer.ok() ? bio : person.path("bio").asText(), false);
        }
    }

    private void createPerson() throws IOException {
        String slug = "chaos-person-" + (++created) + "-" + random.nextInt(10_000);
        String bio = "Came to the chaos run as person " + created;
        ObjectNode input = Api.JSON.createObjectNode().put("slug", slug).put("name", "Chaos Person " + created).put("bio", bio);
        ledger.person(slug, null, false);
        authors.add(slug);
        Answer answer = api.json("POST", attendees("/api/people"), admin, input);
        if (settled(answer)) {
            if (answer.ok()) {
                ledger.person(slug, bio, false);
            } else {
                authors.remove(slug);
            }
        }
    }

    /** Erases a person the run created (without consent: everything about them goes). */
    private void eraseSomeone() throws IOException {
        List<String> chaosPeople = authors.stream().filter(slug -> slug.startsWith("chaos-person-")).toList();
        if (chaosPeople.isEmpty()) {
            return;
        }
        String slug = chaosPeople.get(random.nextInt(chaosPeople.size()));
        ledger.person(slug, null, false);
        Answer answer = api.send("DELETE", attendees("/api/people/" + slug), admin, null, null, null);
        if (settled(answer) && answer.ok()) {
            ledger.person(slug, null, true);
            authors.remove(slug);
        }
    }

    private void changeEvent() throws IOException {
        List<String> events = ledger.events();
        boolean create = events.isEmpty() || random.nextInt(4) == 0;
        String slug = create ? "chaos-gathering-" + random.nextInt(100_000) : events.get(random.nextInt(events.size()));
        String description = "Gathering notes, revision " + random.nextInt(100_000);
        ObjectNode input = Api.JSON.createObjectNode().put("slug", slug).put("name", "Chaos gathering " + slug.substring(16))
                .put("kind", "sprint").put("startDate", "2026-11-02").put("endDate", "2026-11-06").put("description", description);
        ledger.event(slug, null);
        Answer answer = api.json(create ? "POST" : "PUT", attendees("/api/events" + (create ? "" : "/" + slug)), admin, input);
        if (settled(answer) && answer.ok()) {
            ledger.event(slug, description);
        }
    }

    private String content(String path) {
        return stack.baseUrl(Part.CONTENT) + path;
    }

    private String attendees(String path) {
        return stack.baseUrl(Part.ATTENDEES) + path;
    }
}
