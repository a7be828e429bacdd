package dev.herald.content.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.herald.content.Corpus;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Imports that must not overwrite, drop or half-store anything, and must never answer 5xx. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ImportSafetyTest {

    private static final String SPRINT = "cpython-core-developer-sprint-2019";
    private static final String SPRINT_URL = "/2019/10/cpython-core-developer-sprint-2019.html";

    @Test
    void aNewPostCarryingTheLegacyUrlOfAnotherReportIsRefusedAndTheOtherIsUntouched() {
        JsonPath sprint = importZip(Corpus.zip(List.of(SPRINT)), 200);
        String sprintId = sprint.getString("reports[0].id");
        JsonPath before = report(sprintId);
        String newPost = "---\ntitle: Some new post\npublishDate: '2025-01-02'\nauthor: Somebody\npublished: true\n"
                + "legacyUrl: " + SPRINT_URL + "\n---\nA different post.\n";

        JsonPath result = importZip(Zips.create().add("some-new-post/index.md", newPost)
                .add("another-new-post/index.md", newPost.replace(SPRINT_URL, "/2025/01/another-new-post.html")).bytes(), 200);
        assertEquals(1, result.getInt("created"), result::prettify);
        assertEquals(1, result.getInt("failed"));
        assertEquals("legacyUrl", result.getString("reports.find { it.slug == 'some-new-post' }.errors[0].field"));
        assertTrue(result.getString("reports.find { it.slug == 'some-new-post' }.reason").contains(SPRINT));

        given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").queryParam("slug", "some-new-post")
                .body(newPost).post("/api/reports/import").then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("legacyUrl"));

        JsonPath after = report(sprintId);
        assertEquals(before.getString("slug"), after.getString("slug"));
        assertEquals(before.getString("title"), after.getString("title"));
        assertEquals(before.getString("html"), after.getString("html"));
        assertEquals(before.getInt("revision"), after.getInt("revision"));
        given().auth().oauth2(TestTokens.editor()).queryParam("size", 100).get("/api/reports").then()
                .body("items.findAll { it.slug == 'some-new-post' }.size()", equalTo(0));
    }

    @Test
    void aTitleOverItsLimitRefusesThatReportAloneNamingTheField() {
        StoredCounts before = StoredCounts.now();
        JsonPath result = importZip(Zips.create()
                .add("long-title/index.md", "---\ntitle: " + "x".repeat(600) + "\npublished: false\n---\nBody\n")
                .add("short-title-one/index.md", "---\ntitle: Short one\npublished: false\n---\nBody\n")
                .add("short-title-two/index.md", "---\ntitle: Short two\npublished: false\n---\nBody\n").bytes(), 200);
        assertEquals(2, result.getInt("created") + result.getInt("unchanged"), result::prettify);
        assertEquals(List.of("title"), result.getList("reports.find { it.slug == 'long-title' }.errors.field"));
        assertEquals(before.reports() + 2, StoredCounts.now().reports(), "only the two good reports were stored");
        given().auth().oauth2(TestTokens.editor()).contentType("text/markdown")
                .body("---\ntitle: " + "x".repeat(600) + "\n---\nBody\n").post("/api/reports/import").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("title"));
    }

    @Test
    void aZipBombIsAnswered413NamingTheLimitAndStoresNothing() {
        StoredCounts before = StoredCounts.now();
        Zips bomb = Zips.create().add("bomb/index.md", "---\ntitle: Bomb\n---\n![x](x.png)\n");
        byte[] zeros = new byte[10_000_000];
        for (int i = 0; i < 20; i++) {
            bomb.add("bomb/image-" + i + ".png", zeros);
        }
        byte[] zip = bomb.bytes();
        assertTrue(zip.length < 250_000, "about 200 KB: " + zip.length);
        given().auth().oauth2(TestTokens.editor()).contentType("application/zip").body(zip).post("/api/reports/import")
                .then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")).body("detail", containsString("herald.import.max-expansion-ratio"));
        assertEquals(before, StoredCounts.now());
    }

    @Test
    void everyArchiveBoundIsCheckedWhileReadingAndNamed() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        new java.util.Random(2).nextBytes(big);
        assertLimit(Zips.create().add("big/index.md", "---\ntitle: Big\n---\n").add("big/image.png", big).bytes(),
                "herald.import.max-entry-bytes");
        Zips many = Zips.create();
        for (int i = 0; i <= 2000; i++) {
            many.add("many/file-" + i + ".png", "x");
        }
        assertLimit(many.bytes(), "herald.import.max-entries");
    }

    @Test
    void aRequestBodyOverItsBoundIsRefusedBeforeOrWhileItIsRead() throws Exception {
        StoredCounts before = StoredCounts.now();
        String announced = RawUpload.post("/api/reports/import", "application/zip", "Content-Length: 40000000",
                new java.io.ByteArrayInputStream(new byte[1024]));
        assertTrue(announced.startsWith("HTTP/1.1 413"), announced);
        assertTrue(announced.contains("herald.import.max-request-bytes"), announced);

        // a valid zip of four 9 MiB entries, sent chunked: no length to check up front, so the count while reading stops it
        Zips zip = Zips.create().add("streamed/index.md", "---\ntitle: Streamed\n---\n");
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 4; i++) {
            byte[] noise = new byte[9 * 1024 * 1024];
            random.nextBytes(noise);
            zip.add("streamed/noise-" + i + ".png", noise);
        }
        String streamed = RawUpload.post("/api/reports/import", "application/zip", "Transfer-Encoding: chunked",
                new java.io.ByteArrayInputStream(zip.bytes()));
        assertTrue(streamed.startsWith("HTTP/1.1 413"), streamed);
        assertTrue(streamed.contains("application/problem+json"), streamed);
        assertTrue(streamed.contains("herald.import.max-request-bytes"), streamed);
        assertEquals(before, StoredCounts.now());
    }

    @Test
    void entriesThatAreNotImportedAreListedWithTheReason() {
        String post = "---\ntitle: Listed\npublished: false\n---\nBody ![a](a.png)\n";
        JsonPath result = importZip(Zips.create()
                .add("README.txt", "top-level file")
                .add("__MACOSX/listed/._index.md", "metadata")
                .add("listed/.DS_Store", "metadata")
                .add("listed/index.md", post)
                .add("listed/a.png", Corpus.bytes("mercurial-mirrors-provided-by-atlassian", "image-1.png"))
                .add("listed/nested.zip", Corpus.zip(List.of("python-3-2")))
                .add("listed/../../escape/index.md", post)
                .add("/absolute/index.md", post)
                .add("listed/bad\u0001name.png", "x")
                .add("listed/" + "n".repeat(150) + ".png", "x")
                .add("no-document/image.png", "x")
                .add("twice/index.md", post.replace("Listed", "Twice"))
                .add("twice/index.md", post.replace("Listed", "Twice again"))
                .add("both/index.md", post.replace("Listed", "Both"))
                .add("both/index.mdx", post.replace("Listed", "Both"))
                .add("a/same-slug/index.md", post.replace("Listed", "Same slug"))
                .add("b/same-slug/index.md", post.replace("Listed", "Same slug again")).bytes(), 200);
        assertEquals(2, result.getInt("created") + result.getInt("unchanged"), result::prettify);
        Map<String, String> skipped = new java.util.TreeMap<>();
        result.getList("skipped", Map.class).forEach(entry -> skipped.put((String) entry.get("entry"), (String) entry.get("reason")));
        assertEquals("not inside a post folder <slug>/", skipped.get("README.txt"));
        assertEquals("hidden or system metadata", skipped.get("__MACOSX/listed/._index.md"));
        assertEquals("hidden or system metadata", skipped.get("listed/.DS_Store"));
        assertEquals("nested archives are not imported", skipped.get("listed/nested.zip"));
        assertEquals("its path is absolute or leaves its folder", skipped.get("listed/../../escape/index.md"));
        assertEquals("its path is absolute or leaves its folder", skipped.get("/absolute/index.md"));
        assertTrue(skipped.get("listed/bad\\u0001name.png").contains("control"), skipped::toString);
        assertTrue(skipped.get("listed/" + "n".repeat(150) + ".png").contains("longer than 100"), skipped::toString);
        assertEquals("its folder has no index.md or index.mdx", skipped.get("no-document/image.png"));
        assertEquals(9, skipped.size(), skipped::toString);
        assertEquals("index.md", result.getString("reports.find { it.slug == 'twice' }.errors[0].field"));
        assertEquals("index.mdx", result.getString("reports.find { it.slug == 'both' }.errors[0].field"));
        assertEquals("slug", result.getString("reports.findAll { it.slug == 'same-slug' }[1].errors[0].field"));
        String id = result.getString("reports.find { it.slug == 'listed' }.id");
        given().auth().oauth2(TestTokens.editor()).get("/api/reports/{id}", id).then().body("assets.name", equalTo(List.of("a.png")));
    }

    @Test
    void aMissingPublishedFlagKeepsANewReportADraftAndAPublishedOneAsItIs() {
        String document = "---\ntitle: No flag\nlegacyUrl: /2024/01/no-flag.html\n---\nBody\n";
        String id = importMarkdown(document, "no-flag").then().statusCode(200).body("state", equalTo("draft"))
                .extract().path("id");
        given().get("/api/reports/{id}", id).then().statusCode(404);
        given().auth().oauth2(TestTokens.editor()).post("/api/reports/{id}/publish", id).then().statusCode(200);
        importMarkdown(document.replace("Body", "Changed body"), "no-flag").then().statusCode(200)
                .body("status", equalTo("updated")).body("state", equalTo("published"));
    }

    @Test
    void uploadedFileNamesAreCheckedBeforeAnythingIsStored() {
        StoredCounts before = StoredCounts.now();
        byte[] png = Corpus.bytes("mercurial-mirrors-provided-by-atlassian", "image-1.png");
        for (String name : List.of("../escape.png", "/etc/escape.png", "dir/escape.png", "bad\u0007name.png",
                "n".repeat(101) + ".png", ".hidden.png")) {
            given().auth().oauth2(TestTokens.editor()).queryParam("slug", "bad-names")
                    .multiPart("index.md", "index.md", "---\ntitle: Names\n---\nBody\n".getBytes(StandardCharsets.UTF_8), "text/markdown")
                    .multiPart("image", name, png, "image/png")
                    .post("/api/reports/import").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.startsWith("files."));
        }
        assertEquals(before, StoredCounts.now());
    }

    @Test
    void aDocumentThatIsNotUtf8IsRefusedNamingTheBody() {
        byte[] latin1 = "---\ntitle: Caf\u00e9\n---\nBody\n".getBytes(StandardCharsets.ISO_8859_1);
        given().auth().oauth2(TestTokens.editor()).contentType("text/markdown; charset=UTF-8").body(latin1)
                .post("/api/reports/import")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("is not valid UTF-8"));
    }

    private static void assertLimit(byte[] body, String limit) {
        StoredCounts before = StoredCounts.now();
        given().auth().oauth2(TestTokens.editor()).contentType("application/zip").body(body).post("/api/reports/import")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString(limit));
        assertEquals(before, StoredCounts.now());
    }

    private static io.restassured.response.Response importMarkdown(String document, String slug) {
        return given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").queryParam("slug", slug)
                .body(document).post("/api/reports/import");
    }

    private static JsonPath report(String id) {
        return given().auth().oauth2(TestTokens.editor()).get("/api/reports/{id}", id).then().statusCode(200)
                .extract().jsonPath();
    }

    static JsonPath importZip(byte[] zip, int status) {
        return given().auth().oauth2(TestTokens.editor()).contentType("application/zip").body(zip)
                .post("/api/reports/import").then().statusCode(status).extract().jsonPath();
    }
}
