package dev.herald.content.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.herald.content.Corpus;
import dev.herald.content.document.ReportDocument;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorpusImportTest {

    @Inject
    ReportDocumentParser parser;

    @Test
    @Order(1)
    void everyCorpusReportImportsOnceAndSurvivesExport() {
        List<String> slugs = Corpus.slugs();
        assertEquals(254, slugs.size());
        JsonPath first = importZip(Corpus.zip(slugs));
        assertEquals(0, first.getInt("failed"), () -> first.prettify());
        assertEquals(254, first.getInt("created"));
        List<String> warnings = first.getList("reports.find { it.slug == 'cpython-core-developer-sprint-2019' }.warnings");
        assertEquals(3, warnings.size(), "the sprint report imports although three of its images are missing");
        assertTrue(warnings.stream().allMatch(warning -> warning.contains("was not provided")));

        JsonPath again = importZip(Corpus.zip(slugs));
        assertEquals(254, again.getInt("unchanged"), "a re-import of unchanged content changes nothing");

        List<Map<String, Object>> results = again.getList("reports");
        for (Map<String, Object> result : results) {
            String slug = (String) result.get("slug");
            String exported = given().auth().oauth2(TestTokens.editor())
                    .get("/api/reports/{id}/export", result.get("id"))
                    .then().statusCode(200).contentType("text/markdown").extract().asString();
            ReportDocument original = parser.parse(Corpus.document(slug));
            ReportDocument roundTripped = parser.parse(exported);
            assertEquals(original.frontMatter(), roundTripped.frontMatter(), slug);
            assertEquals(original.body(), roundTripped.body(), slug);
        }
    }

    @Test
    void imagesAreServedAtTheirAssetUrlWithTypeEtagAndRevalidation() {
        String slug = "inspect-pypi-event-logs-audit-security";
        assertTrue(Corpus.document(slug).contains("<img src=\"./image-1.png\""));
        String id = importZip(Corpus.zip(List.of(slug))).getString("reports[0].id");
        JsonPath report = given().get("/api/reports/{id}", id).then().statusCode(200).extract().jsonPath();
        String url = report.getString("assets.find { it.name == 'image-1.png' }.url");
        assertTrue(report.getString("html").contains("src=\"" + url + "\""), "the HTML points at the stored asset");
        String path = url.substring("http://content.test".length());
        String etag = given().get(path).then().statusCode(200)
                .contentType("image/png")
                .header("Cache-Control", "public, max-age=300, must-revalidate")
                .extract().header("ETag");
        given().header("If-None-Match", etag).get(path).then().statusCode(304);
    }

    @Test
    void aFormWithIndexAndImagesImportsAndTheZipExportHoldsBoth() throws Exception {
        java.nio.file.Path folder = Corpus.posts().resolve("mercurial-mirrors-provided-by-atlassian");
        String document = Corpus.document("mercurial-mirrors-provided-by-atlassian")
                .replace("legacyUrl: /", "legacyUrl: /form/");
        String id = given().auth().oauth2(TestTokens.editor()).queryParam("slug", "form-import")
                .multiPart("index.md", "index.md", document.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/markdown")
                .multiPart("image", "image-1.png", java.nio.file.Files.readAllBytes(folder.resolve("image-1.png")), "image/png")
                .post("/api/reports/import").then().statusCode(200)
                .body("status", equalTo("created")).body("slug", equalTo("form-import"))
                .extract().path("id");
        given().get("/api/reports/{id}", id).then().body("assets.name", org.hamcrest.Matchers.contains("image-1.png"));

        byte[] zip = given().auth().oauth2(TestTokens.editor()).accept("application/zip")
                .get("/api/reports/{id}/export", id).then().statusCode(200).extract().asByteArray();
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertEquals(java.util.Set.of("form-import/index.md", "form-import/image-1.png"), names);
        assertEquals(1, importZip(zip).getInt("unchanged"), "the exported zip imports again as unchanged");
    }

    @Test
    void aFormUploadThatIsNotAnImageIsRefused() {
        given().auth().oauth2(TestTokens.editor())
                .multiPart("index.md", "index.md", "---\ntitle: Not an image\n---\n![x](x.png)\n".getBytes(), "text/markdown")
                .multiPart("image", "x.png", "<svg onload=alert(1)>".getBytes(), "image/png")
                .post("/api/reports/import").then().statusCode(415).contentType("application/problem+json")
                .body("errors[0].field", equalTo("files.x.png"));
    }

    @Test
    void oneBadReportInAZipDoesNotBlockTheOthers() {
        byte[] zip = zipOf(Map.of(
                "good-one/index.md", "---\ntitle: Good\nauthor: Somebody\npublished: false\n---\nBody\n",
                "bad-one/index.md", "---\nauthor: Nobody\n---\nNo title\n",
                "bad-image/index.md", "---\ntitle: Bad image\n---\n![x](x.png)\n",
                "bad-image/x.png", "<svg onload=alert(1)>"));
        JsonPath result = importZip(zip);
        assertEquals(1, result.getInt("created") + result.getInt("unchanged"), result::prettify);
        assertEquals(2, result.getInt("failed"));
        assertEquals("title", result.getString("reports.find { it.slug == 'bad-one' }.errors[0].field"));
        assertEquals("files.x.png", result.getString("reports.find { it.slug == 'bad-image' }.errors[0].field"));
        given().auth().oauth2(TestTokens.editor()).queryParam("size", 100).get("/api/reports").then()
                .body("items.findAll { it.slug == 'bad-one' || it.slug == 'bad-image' }", hasSize(0));
    }

    @Test
    void badFrontMatterAnswersAProblemNamingTheFieldAndStoresNothing() {
        assertProblem("no front matter here", 400, "frontMatter");
        assertProblem("---\ntitle: [unclosed\n---\nbody", 400, "frontMatter");
        assertProblem("---\nauthor: Nobody\n---\nbody", 400, "title");
        assertProblem("---\ntitle: T\ntags: just-one-string\n---\nbody", 400, "tags");
        assertProblem("---\ntitle: T\npublishDate: '30/10/2019'\n---\nbody", 400, "publishDate");
        assertProblem("---\ntitle: T\npublished: 'yes please'\n---\nbody", 400, "published");
        assertProblem("---\ntitle: T\nwhatever: 1\n---\nbody", 400, "whatever");
        String laughs = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "title: *d\n---\nbody";
        assertProblem(laughs, 400, "frontMatter");
        assertProblem("---\ntitle: Huge\n---\n" + "x".repeat(1_000_001), 413, "body");
        given().auth().oauth2(TestTokens.editor()).queryParam("size", 100).get("/api/reports").then()
                .body("items.findAll { it.title == 'T' || it.title == 'Huge' }", hasSize(0));
    }

    @Test
    void aSlugOrLegacyUrlOfAnotherReportIsAConflict() {
        given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").queryParam("slug", "first-owner")
                .body("---\ntitle: First\nlegacyUrl: /2001/01/first.html\npublished: false\n---\nBody\n")
                .post("/api/reports/import").then().statusCode(200);
        given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").queryParam("slug", "second-owner")
                .body("---\ntitle: Second\nlegacyUrl: /2001/01/second.html\npublished: false\n---\nBody\n")
                .post("/api/reports/import").then().statusCode(200);
        // matched by its legacyUrl, the first report may not take the second one's slug
        given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").queryParam("slug", "second-owner")
                .body("---\ntitle: First\nlegacyUrl: /2001/01/first.html\npublished: false\n---\nBody\n")
                .post("/api/reports/import").then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("legacyUrl", "slug"));
        given().auth().oauth2(TestTokens.editor()).contentType("application/json")
                .body("{\"slug\": \"third-owner\", \"title\": \"Third\", \"authorName\": \"B\", "
                        + "\"legacyUrl\": \"/2001/01/first.html\"}")
                .post("/api/reports").then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("legacyUrl"));
    }

    @Test
    void datesMayBeQuotedDoubleQuotedOrBare() {
        for (String date : List.of("'2019-10-30'", "\"2019-10-30\"", "2019-10-30")) {
            String slug = "dates-" + Math.abs(date.hashCode());
            String id = given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").queryParam("slug", slug)
                    .body("---\ntitle: Dates\npublishDate: " + date + "\npublished: false\n---\nBody\n")
                    .post("/api/reports/import").then().statusCode(200)
                    .body("slug", equalTo(slug)).body("state", equalTo("draft")).extract().path("id");
            given().auth().oauth2(TestTokens.editor()).get("/api/reports/{id}", id).then()
                    .body("publishDate", equalTo("2019-10-30T00:00:00Z"));
        }
    }

    private static void assertProblem(String document, int status, String field) {
        given().auth().oauth2(TestTokens.editor()).contentType("text/markdown").body(document)
                .post("/api/reports/import").then().statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }

    private static JsonPath importZip(byte[] zip) {
        return given().auth().oauth2(TestTokens.editor()).contentType("application/zip").body(zip)
                .post("/api/reports/import").then().statusCode(200).extract().jsonPath();
    }

    private static byte[] zipOf(Map<String, String> entries) {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (var entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
