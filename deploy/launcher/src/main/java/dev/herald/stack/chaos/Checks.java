package dev.herald.stack.chaos;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.herald.infra.RawRecords;
import dev.herald.stack.ServiceSpec;

/** What must hold once the run is quiet, each as a row of the table: what was checked, whether it held, and why not. */
final class Checks {

    /** One row: {@code detail} says what was counted, or what was wrong. */
    record Result(String check, boolean passed, String detail) {
    }

    private static final Set<String> REPORT_TYPES = Set.of("dev.herald.report.published", "dev.herald.report.updated",
            "dev.herald.report.unpublished");
    private static final List<String> FORMATS = List.of("atom", "rss", "json");
    private static final int SHOWN = 5;

    private final ChaosStack stack;
    private final Api api;
    private final Ledger ledger;
    private final Receiver receiver;
    private final String websubTopic;
    private final String editor;
    private final String admin;

    Checks(ChaosStack stack, Api api, Ledger ledger, Receiver receiver, String websubTopic) {
        this.stack = stack;
        this.api = api;
        this.ledger = ledger;
        this.receiver = receiver;
        this.websubTopic = websubTopic;
        this.editor = stack.token("editor");
        this.admin = stack.token("admin");
    }

    /** A published report as content-service holds it, with the scopes whose feeds must list it. */
    private record Published(String id, String title, List<String> scopes) {
    }

    List<Result> feeds() throws IOException {
        Map<String, Published> published = published();
        Map<String, Set<String>> byScope = new LinkedHashMap<>();
        byScope.put("/feeds/", published.keySet());
        for (Published report : published.values()) {
            report.scopes().forEach(scope -> byScope.computeIfAbsent(scope, key -> new HashSet<>()).add(report.id()));
        }
        FeedIds feeds = new FeedIds(api);
        List<String> wrong = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        int documents = 0;
        for (Part replica : stack.feedReplicas()) {
            for (var scope : byScope.entrySet()) {
                // every scope on the first replica; the site-wide feeds on both, as each serves from its own memory
                if (replica == Part.FEED_2 && !scope.getKey().equals("/feeds/")) {
                    continue;
                }
                for (String format : FORMATS) {
                    List<FeedIds.Entry> entries = feeds.read(stack.baseUrl(replica) + scope.getKey(), format);
                    documents++;
                    String where = replica.label() + " " + scope.getKey() + " " + format;
                    compare(where, scope.getValue(), entries == null ? List.of() : entries, wrong);
                    if (scope.getKey().equals("/feeds/") && format.equals("json") && entries != null) {
                        entries.stream().filter(e -> published.containsKey(e.id()) && !published.get(e.id()).title().equals(e.title()))
                                .forEach(e -> stale.add(where + ": " + e.id() + " titled \"" + e.title() + "\", content-service has \""
                                        + published.get(e.id()).title() + "\""));
                    }
                }
            }
        }
        return List.of(
                new Result("published reports each once in every feed of theirs (" + documents + " feeds, all pages, 3 formats)",
                        wrong.isEmpty(), wrong.isEmpty() ? published.size() + " published reports in " + byScope.size() + " scopes"
                                : shown(wrong)),
                new Result("feed entries show the latest edit", stale.isEmpty(), stale.isEmpty() ? "titles match" : shown(stale)));
    }

    /** Adds to {@code wrong} each expected id the entries miss, each they list twice or more, and each they should not list. */
    static void compare(String where, Set<String> expected, List<FeedIds.Entry> entries, List<String> wrong) {
        Map<String, Long> counted = entries.stream().collect(Collectors.groupingBy(FeedIds.Entry::id, Collectors.counting()));
        expected.stream().filter(id -> !counted.containsKey(id)).forEach(id -> wrong.add(where + ": missing " + id));
        counted.forEach((id, times) -> {
            if (!expected.contains(id)) {
                wrong.add(where + ": " + id + " is not published");
            } else if (times > 1) {
                wrong.add(where + ": " + id + " listed " + times + " times");
            }
        });
    }

    /** content-service's published reports, read as an editor, with tags, author and event. */
    private Map<String, Published> published() throws IOException {
        Map<String, Published> published = new HashMap<>();
        for (int page = 0; ; page++) {
            Api.Answer answer = api.get(stack.baseUrl(Part.CONTENT) + "/api/reports?state=published&size=100&page=" + page, editor);
            if (!answer.ok()) {
                throw new IOException("content-service listed its reports with " + answer.status());
            }
            JsonNode items = answer.json().path("items");
            for (JsonNode report : items) {
                String id = report.path("id").asText();
                List<String> scopes = new ArrayList<>();
                report.path("tags").forEach(tag -> scopes.add("/tags/" + segment(tag.asText()) + "/"));
                if (report.path("author").hasNonNull("slug")) {
                    scopes.add("/authors/" + segment(report.path("author").path("slug").asText()) + "/");
                }
                if (report.hasNonNull("event")) {
                    scopes.add("/events/" + segment(report.path("event").asText()) + "/");
                }
                published.put(id, new Published(id, report.path("title").asText(), scopes));
            }
            if (items.size() < 100) {
                return published;
            }
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Every acknowledged write is what content-service and attendees-service hold now. */
    Result acknowledgedWrites() throws IOException {
        List<String> lost = new ArrayList<>();
        int checked = 0;
        for (Ledger.Report report : ledger.reports()) {
            if (report.published() == null && report.title() == null) {
                continue;
            }
            Api.Answer answer = api.get(stack.baseUrl(Part.CONTENT) + "/api/reports/" + report.id(), editor);
            checked++;
            if (!answer.ok()) {
                lost.add(report.slug() + ": acknowledged, now answers " + answer.status());
                continue;
            }
            JsonNode now = answer.json();
            if (report.published() != null && report.published() != "published".equals(now.path("state").asText())) {
                lost.add(report.slug() + ": acknowledged " + (report.published() ? "published" : "unpublished") + ", now "
                        + now.path("state").asText());
            }
            if (report.title() != null && !report.title().equals(now.path("title").asText())) {
                lost.add(report.slug() + ": acknowledged title \"" + report.title() + "\", now \"" + now.path("title").asText() + "\"");
            }
        }
        for (Ledger.Person person : ledger.people()) {
            if (person.bio() == null && !person.erased()) {
                continue;
            }
            Api.Answer now = api.get(stack.baseUrl(Part.ATTENDEES) + "/api/people/" + person.slug(), admin);
            checked++;
            if (person.erased() ? now.status() != 404 : !now.ok() || !person.bio().equals(now.json().path("bio").asText())) {
                lost.add(person.slug() + ": acknowledged " + (person.erased() ? "erased" : "bio \"" + person.bio() + "\"")
                        + ", attendees-service answers " + now.status());
            }
        }
        return new Result("acknowledged writes kept by content-service and attendees-service", lost.isEmpty(),
                lost.isEmpty() ? checked + " reports and people checked" : shown(lost));
    }

    /** The site shows each person and event as attendees-service holds it now. */
    Result directory() throws IOException {
        List<String> wrong = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        ledger.people().forEach(person -> slugs.add(person.slug()));
        for (String slug : slugs) {
            Api.Answer holds = api.get(stack.baseUrl(Part.ATTENDEES) + "/api/people/" + slug, admin);
            Api.Answer page = api.get(stack.baseUrl(Part.FEED_1) + "/authors/" + slug, null);
            if (holds.status() == 404) {
                if (page.status() != 410 && page.status() != 404) {
                    wrong.add("/authors/" + slug + " answers " + page.status() + " for a person attendees-service does not hold");
                }
            } else if (!page.ok() || !page.text().contains(escape(holds.json().path("bio").asText()))) {
                wrong.add("/authors/" + slug + " (" + page.status() + ") does not show the bio attendees-service holds: \""
                        + holds.json().path("bio").asText() + "\"");
            }
        }
        for (String slug : ledger.events()) {
            Api.Answer holds = api.get(stack.baseUrl(Part.ATTENDEES) + "/api/events/" + slug, admin);
            if (holds.status() == 404) {
                continue;
            }
            Api.Answer page = api.get(stack.baseUrl(Part.FEED_1) + "/events/" + slug, null);
            String description = holds.json().path("description").asText();
            if (!page.ok() || !page.text().contains(escape(description))) {
                wrong.add("/events/" + slug + " (" + page.status() + ") does not show \"" + description + "\"");
            }
        }
        return new Result("people and events on the site as attendees-service holds them", wrong.isEmpty(),
                wrong.isEmpty() ? slugs.size() + " people and " + ledger.events().size() + " events the run changed" : shown(wrong));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /**
     * The webhook receiver got every report event on the topic (its {@code webhook-id} derived from the CloudEvent's
     * source and id, as feed-service documents), signed; repeats only under the same id.
     */
    Result webhooks(Set<String> badKeys) {
        Map<String, String> expected = new HashMap<>();
        for (var record : RawRecords.readAll(stack.kafkaBootstrapServers(), "reports.events")) {
            String type = RawRecords.header(record, "ce_type").orElse("");
            if (REPORT_TYPES.contains(type) && !badKeys.contains(record.key())) {
                String source = RawRecords.header(record, "ce_source").orElseThrow();
                String id = RawRecords.header(record, "ce_id").orElseThrow();
                expected.put(messageId(source, id), type + " of " + record.key());
            }
        }
        List<Receiver.Webhook> got = receiver.webhooks();
        Set<String> received = got.stream().map(Receiver.Webhook::id).collect(Collectors.toSet());
        List<String> wrong = new ArrayList<>();
        expected.forEach((id, what) -> {
            if (!received.contains(id)) {
                wrong.add("never received " + what + " (" + id + ")");
            }
        });
        received.stream().filter(id -> !expected.containsKey(id)).forEach(id -> wrong.add("received " + id + ", no such event"));
        got.stream().collect(Collectors.groupingBy(w -> w.type() + " " + w.reportId() + " " + w.timestamp(),
                Collectors.mapping(Receiver.Webhook::id, Collectors.toSet()))).forEach((event, ids) -> {
                    if (ids.size() > 1) {
                        wrong.add(event + " sent under " + ids.size() + " webhook-ids");
                    }
                });
        got.stream().filter(w -> !w.signed()).forEach(w -> wrong.add(w.id() + " badly signed"));
        return new Result("webhook receiver got every report event, repeats only under the same webhook-id", wrong.isEmpty(),
                wrong.isEmpty() ? expected.size() + " events, " + got.size() + " requests (" + (got.size() - received.size())
                        + " repeats)" : shown(wrong));
    }

    /** feed-service's webhook-id: {@code msg_} and the name-based UUID of the event's source and id. */
    private static String messageId(String source, String id) {
        return "msg_" + UUID.nameUUIDFromBytes((source + "\n" + id).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    Result websub() throws IOException {
        byte[] last = receiver.lastDistribution(Receiver.WEBSUB_PATH);
        byte[] feed = api.get(stack.baseUrl(Part.FEED_1) + "/feeds/atom.xml", null).body();
        boolean same = last != null && Arrays.equals(last, feed);
        return new Result("WebSub subscriber's last document is the feed " + websubTopic, same,
                last == null ? "nothing distributed" : same ? feed.length + " bytes, identical" : "differs from the feed served now");
    }

    Result publicReads(Reader reader) {
        List<String> errors = reader.serverErrors();
        return new Result("no public read answered 5xx while its feed-service replica was up (PostgreSQL down: nothing it had served)", errors.isEmpty(),
                errors.isEmpty() ? reader.reads() + " reads answered, " + reader.unanswered() + " refused by a replica that was down"
                        : errors.size() + ": " + shown(errors));
    }

    Result outbox(Quiet quiet) {
        Map<String, Long> unsent = ServiceSpec.ALL.stream().collect(Collectors.toMap(ServiceSpec::name, quiet::unsent));
        Map<String, Long> parked = quiet.parked();
        boolean none = unsent.values().stream().allMatch(n -> n == 0) && parked.values().stream().allMatch(n -> n == 0);
        return new Result("no outbox row left unsent or parked", none, "unsent " + unsent + ", parked " + parked);
    }

    Result deadLetters(BadRecords badRecords) {
        List<String> missing = badRecords.missingFromDeadLetters();
        return new Result("bad records on the dead-letter topics, set aside by every consumer", missing.isEmpty(),
                missing.isEmpty() ? badRecords.sent() + " records" : shown(missing));
    }

    private static String shown(List<String> problems) {
        return problems.size() + " problem(s): " + problems.stream().limit(SHOWN).collect(Collectors.joining("; "))
                + (problems.size() > SHOWN ? "; …" : "");
    }
}
