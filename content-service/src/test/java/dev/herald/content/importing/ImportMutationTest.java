package dev.herald.content.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.herald.content.Corpus;
import dev.herald.events.EventSchemas;
import dev.herald.events.EventType;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Hundreds of damaged variants of corpus posts, imported in zips beside intact ones: never a 5xx, each bad report
 * refused alone with a problem naming the field, nothing of a refused report stored, and every event the good ones
 * caused valid against its schema in docs/events.
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ImportMutationTest {

    private static final int VARIANTS = 520;
    private static final int PER_ZIP = 26;
    private static final List<String> BASES = List.of("python-3-2", "cpython-core-developer-sprint-2019",
            "inspect-pypi-event-logs-audit-security", "pip-20-3-release-new-resolver", "python-3100-is-available",
            "welcome-to-python-insider", "2011-language-summit-report", "announcing-defusedxml-fixes-for-xml");

    /** A variant: the zip entries of one post folder, and the field its refusal must name (null: it must import). */
    private record Variant(String slug, List<Map.Entry<String, byte[]>> entries, Set<String> fields, Set<String> skipped) {
    }

    private record Mutation(String name, BiFunction<Base, Random, Variant> make) {
    }

    private record Base(String slug, String corpusSlug, List<String> frontMatter, String body, Map<String, byte[]> images) {

        String document(List<String> lines, String body) {
            return "---\n" + String.join("\n", lines) + "\n---\n" + body;
        }

        List<String> lines() {
            return new ArrayList<>(frontMatter);
        }

        /** The front matter with {@code key}'s lines (a list value included) replaced by {@code replacement}. */
        List<String> with(String key, String replacement) {
            List<String> lines = new ArrayList<>();
            boolean skipping = false;
            boolean replaced = false;
            for (String line : frontMatter) {
                if (line.startsWith(key + ":")) {
                    skipping = true;
                    replaced = true;
                    if (replacement != null) {
                        lines.add(replacement);
                    }
                    continue;
                }
                if (skipping && line.startsWith("  ")) {
                    continue;
                }
                skipping = false;
                lines.add(line);
            }
            if (!replaced && replacement != null) {
                lines.add(replacement);
            }
            return lines;
        }

        Variant fails(String text, String... fields) {
            return variant(text.getBytes(StandardCharsets.UTF_8), Set.of(fields));
        }

        Variant imports(String text) {
            return variant(text.getBytes(StandardCharsets.UTF_8), null);
        }

        Variant variant(byte[] document, Set<String> fields) {
            List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
            entries.add(Map.entry(slug + "/index.md", document));
            images.forEach((name, bytes) -> entries.add(Map.entry(slug + "/" + name, bytes)));
            return new Variant(slug, entries, fields, Set.of());
        }
    }

    private static final List<Mutation> MUTATIONS = List.of(
            new Mutation("truncated front matter", (b, r) -> {
                String doc = b.document(b.lines(), b.body());
                int end = doc.indexOf("\n---\n", 4);
                return b.fails(doc.substring(0, 4 + r.nextInt(end - 4)), "frontMatter");
            }),
            new Mutation("title of a wrong type", (b, r) -> b.fails(b.document(b.with("title",
                    pick(r, "title: 123", "title: [a, b]", "title: {a: b}", "title: true", "title: 2019-10-30")), b.body()), "title")),
            new Mutation("tags of a wrong type", (b, r) -> b.fails(b.document(b.with("tags",
                    pick(r, "tags: release", "tags: 5", "tags: [1, 2]", "tags: {a: b}", "tags: [a, [b]]")), b.body()), "tags")),
            new Mutation("published of a wrong type", (b, r) -> b.fails(b.document(b.with("published",
                    pick(r, "published: 'yes please'", "published: 1", "published: [true]", "published: now")), b.body()), "published")),
            new Mutation("date of a wrong type", (b, r) -> b.fails(b.document(b.with("publishDate",
                    pick(r, "publishDate: 'yesterday'", "publishDate: 5", "publishDate: [2019]", "publishDate: '2019-02-30'",
                            "publishDate: '30/10/2019'")), b.body()), "publishDate")),
            new Mutation("other scalars of a wrong type", (b, r) -> {
                String key = pick(r, "author", "description", "legacyUrl", "event", "slug");
                return b.fails(b.document(b.with(key, key + ": " + pick(r, "42", "[x]", "{x: 1}", "false")), b.body()), key);
            }),
            new Mutation("huge title", (b, r) -> b.fails(b.document(b.with("title", "title: '" + "T".repeat(501 + r.nextInt(50_000)) + "'"),
                    b.body()), "title")),
            new Mutation("huge description, author, tag or legacyUrl", (b, r) -> switch (r.nextInt(5)) {
                case 0 -> b.fails(b.document(b.with("description", "description: '" + "d".repeat(2001 + r.nextInt(5000)) + "'"), b.body()),
                        "description");
                case 1 -> b.fails(b.document(b.with("author", "author: '" + "a".repeat(201 + r.nextInt(500)) + "'"), b.body()), "author");
                case 2 -> b.fails(b.document(b.with("tags", "tags: ['" + "t".repeat(101 + r.nextInt(500)) + "']"), b.body()), "tags[0]");
                case 3 -> b.fails(b.document(b.with("tags", "tags: [" + "x, ".repeat(51) + "y]"), b.body()), "tags");
                default -> b.fails(b.document(b.with("legacyUrl", "legacyUrl: /" + "u".repeat(1001)), b.body()), "legacyUrl");
            }),
            new Mutation("huge body", (b, r) -> b.fails(b.document(b.lines(), "b".repeat(1_000_001 + r.nextInt(1000))), "body")),
            new Mutation("empty values", (b, r) -> switch (r.nextInt(4)) {
                case 0 -> b.fails(b.document(b.with("title", pick(r, "title: ''", "title:", "title: '   '")), b.body()), "title");
                case 1 -> b.fails(b.document(b.with("legacyUrl", "legacyUrl: ''"), b.body()), "legacyUrl");
                case 2 -> b.fails(b.document(b.with("publishDate", "publishDate: ''"), b.body()), "publishDate");
                default -> b.fails("", "frontMatter");
            }),
            new Mutation("harmless empty or odd values", (b, r) -> b.imports(b.document(switch (r.nextInt(4)) {
                case 0 -> b.with("tags", "tags: []");
                case 1 -> b.with("description", "description: ''");
                case 2 -> b.with("title", "title: '<b>Bold</b> & \"quoted\" ]]> <![CDATA[ x'");
                default -> b.with("title", "title: 'Émoji 🐍 and עברית'");
            }, b.body() + pick(r, "", "\n]]> and <![CDATA[ in the body\n", "\n<script>alert(1)</script>\n")))),
            new Mutation("invalid UTF-8", (b, r) -> {
                byte[] doc = b.document(b.lines(), b.body()).getBytes(StandardCharsets.UTF_8);
                byte[][] bad = {{(byte) 0xff}, {(byte) 0xc3, 0x28}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82}};
                byte[] insert = bad[r.nextInt(bad.length)];
                int at = 4 + r.nextInt(doc.length - 4);
                byte[] mutated = new byte[doc.length + insert.length];
                System.arraycopy(doc, 0, mutated, 0, at);
                System.arraycopy(insert, 0, mutated, at, insert.length);
                System.arraycopy(doc, at, mutated, at + insert.length, doc.length - at);
                return b.variant(mutated, Set.of("body"));
            }),
            new Mutation("control characters", (b, r) -> {
                char c = pick(r, '\u0000', '\u0001', '\u0007', '\u001b', '\u000b', '\u000c', '\u007f');
                return switch (r.nextInt(4)) {
                    case 0 -> b.fails(b.document(b.with("title", "title: \"a\\x%02Xb\"".formatted((int) c)), b.body()), "title");
                    case 1 -> b.fails(b.document(b.with("title", "title: a" + c + "b"), b.body()), "frontMatter", "title");
                    case 2 -> b.fails(b.document(b.with("tags", "tags: [\"x\\x%02Xy\"]".formatted((int) c)), b.body()), "tags[0]");
                    default -> b.fails(b.document(b.lines(), b.body() + c + "\n"), "body");
                };
            }),
            new Mutation("XML-forbidden characters", (b, r) -> switch (r.nextInt(3)) {
                case 0 -> b.fails(b.document(b.with("title", "title: \"a\\uFFFEb\""), b.body()), "title", "frontMatter");
                case 1 -> b.fails(b.document(b.with("description", "description: \"a\\uFFFFb\""), b.body()), "description", "frontMatter");
                default -> b.fails(b.document(b.lines(), b.body() + "\uFFFE"), "body");
            }),
            new Mutation("path traversal in entry names", (b, r) -> {
                String name = pick(r, "../", "../../etc/", "/", "./", b.slug + "/../../");
                String entry = name + b.slug + "/index.md";
                return new Variant(b.slug, List.of(Map.entry(entry, b.document(b.lines(), b.body()).getBytes(StandardCharsets.UTF_8))),
                        null, Set.of(entry));
            }),
            new Mutation("duplicate entries", (b, r) -> {
                Variant ok = b.imports(b.document(b.lines(), b.body()));
                List<Map.Entry<String, byte[]>> entries = new ArrayList<>(ok.entries());
                Map.Entry<String, byte[]> twice = entries.get(r.nextInt(entries.size()));
                entries.add(twice);
                String file = twice.getKey().substring(twice.getKey().indexOf('/') + 1);
                return new Variant(b.slug, entries, Set.of(file.equals("index.md") ? "index.md" : "files." + file), Set.of());
            }),
            new Mutation("nested zips", (b, r) -> {
                byte[] nested = Zips.create().add(b.slug + "/index.md", b.document(b.lines(), b.body())).bytes();
                String name = b.slug + "-nested/" + pick(r, "post.zip", "post.ZIP", "image.png");
                return new Variant(b.slug, List.of(Map.entry(name, nested)), null, Set.of(name));
            }));

    @Test
    void damagedPostsAreRefusedAloneNamingTheFieldAndNothingIsHalfStored() throws Exception {
        StoredCounts before = StoredCounts.now();
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < VARIANTS; i++) {
            Random random = new Random(i);
            Base base = base(BASES.get(i % BASES.size()), "mut-" + i, i);
            variants.add(MUTATIONS.get(i % MUTATIONS.size()).make().apply(base, random));
        }
        int created = 0;
        Set<String> createdIds = new HashSet<>();
        for (int from = 0; from < variants.size(); from += PER_ZIP) {
            List<Variant> batch = variants.subList(from, Math.min(variants.size(), from + PER_ZIP));
            Zips zip = Zips.create();
            batch.forEach(variant -> variant.entries().forEach(entry -> zip.add(entry.getKey(), entry.getValue())));
            Response response = RestAssured.given().auth().oauth2(TestTokens.editor()).contentType("application/zip")
                    .body(zip.bytes()).post("/api/reports/import");
            assertEquals(200, response.statusCode(), response::asString);
            List<Map<String, Object>> results = response.jsonPath().getList("reports");
            Set<String> skipped = new HashSet<>(response.jsonPath().getList("skipped.entry"));
            for (Variant variant : batch) {
                if (!variant.skipped().isEmpty()) {
                    assertTrue(skipped.containsAll(variant.skipped()), () -> variant.skipped() + " not listed in " + skipped);
                    assertTrue(results.stream().noneMatch(result -> variant.slug().equals(result.get("slug"))));
                    continue;
                }
                Map<String, Object> result = results.stream().filter(found -> variant.slug().equals(found.get("slug")))
                        .findFirst().orElseThrow(() -> new AssertionError("no result for " + variant.slug() + ": " + response.asString()));
                if (variant.fields() == null) {
                    assertEquals("created", result.get("status"), () -> variant.slug() + ": " + result);
                    created++;
                    createdIds.add((String) result.get("id"));
                } else {
                    assertEquals("failed", result.get("status"), () -> variant.slug() + ": " + result);
                    @SuppressWarnings("unchecked")
                    List<Map<String, String>> errors = (List<Map<String, String>>) result.get("errors");
                    assertFalse(errors == null || errors.isEmpty(), () -> variant.slug() + ": " + result);
                    assertTrue(errors.stream().anyMatch(error -> variant.fields().contains(error.get("field"))),
                            () -> variant.slug() + " should name " + variant.fields() + ": " + result);
                }
            }
        }
        StoredCounts after = StoredCounts.now();
        assertEquals(before.reports() + created, after.reports(), "only the intact variants were stored");
        assertEquals(before.revisions() + created, after.revisions());
        assertTrue(created >= 30, "some variants are harmless and import: " + created);
        assertTrue(variants.stream().filter(variant -> variant.fields() != null).count() >= 400);
        assertEventsValid(createdIds);
    }

    private static Base base(String corpusSlug, String slug, int index) {
        String document = Corpus.document(corpusSlug);
        int end = document.indexOf("\n---\n", 4);
        List<String> lines = new ArrayList<>();
        for (String line : document.substring(4, end).split("\n")) {
            lines.add(line.startsWith("legacyUrl:") ? "legacyUrl: /mutations/" + index + ".html" : line);
        }
        Map<String, byte[]> images = new java.util.LinkedHashMap<>();
        try (var files = java.nio.file.Files.list(Corpus.posts().resolve(corpusSlug))) {
            files.map(path -> path.getFileName().toString()).filter(name -> !name.equals("index.md")).sorted()
                    .forEach(name -> images.put(name, Corpus.bytes(corpusSlug, name)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Base(slug, corpusSlug, lines, document.substring(end + 5), images);
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Every event about the created variants (published ones emit one) matches its documented schema. */
    private static void assertEventsValid(Set<String> ids) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "mutations-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("reports.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!seen.containsAll(ids) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (!ids.contains(record.key())) {
                        continue;
                    }
                    String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                    var errors = EventSchemas.of(EventType.named(type).orElseThrow()).validate(json.readTree(record.value()));
                    assertTrue(errors.isEmpty(), () -> type + " of " + record.key() + ": " + errors);
                    seen.add(record.key());
                }
            }
        }
        assertEquals(ids, seen, "every created variant was published with a valid event");
    }
}
