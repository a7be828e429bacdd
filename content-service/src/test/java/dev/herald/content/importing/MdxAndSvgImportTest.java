package dev.herald.content.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.herald.content.Corpus;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** MDX posts and SVG figures: imported, rendered safely, served sandboxed and exported exactly as they came. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class MdxAndSvgImportTest {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
    private static final String MD_POST = "python-core-development-sprint-2016-36";

    @Test
    void aZipOfMarkdownAndMdxPostsWithPngJpegAndSvgImagesRoundTripsExactly() {
        Map<String, byte[]> files = Map.of("index.mdx", fixture("mdx-showcase/index.mdx"),
                "releases.svg", fixture("mdx-showcase/releases.svg"), "team.jpeg", fixture("mdx-showcase/team.jpeg"),
                "logo.png", fixture("mdx-showcase/logo.png"));
        Zips zip = Zips.create();
        files.forEach((name, bytes) -> zip.add("mdx-showcase/" + name, bytes));
        Zips.entries(Corpus.zip(List.of(MD_POST))).forEach(zip::add);
        JsonPath result = ImportSafetyTest.importZip(zip.bytes(), 200);
        assertEquals(0, result.getInt("failed"), result::prettify);
        assertEquals(List.of(), result.getList("skipped"));

        List<String> warnings = result.getList("reports.find { it.slug == 'mdx-showcase' }.warnings");
        assertTrue(warnings.contains("MDX component <ShowcasePostCards> dropped from the HTML"), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("import ShowcasePostCards from")), warnings::toString);
        assertEquals(6, warnings.size(), warnings::toString);

        String mdxId = result.getString("reports.find { it.slug == 'mdx-showcase' }.id");
        JsonPath report = given().get("/api/reports/{id}", mdxId).then().statusCode(200).extract().jsonPath();
        String html = report.getString("html");
        String outsideCode = html.replace("&lt;ShowcasePostCards /&gt; stays as written inside code", "");
        assertFalse(outsideCode.contains("ShowcasePostCards") || html.contains("import ") || html.contains("featured"), html);
        assertTrue(html.contains("<strong>redirects</strong>"), html);
        for (String image : List.of("releases.svg", "team.jpeg", "logo.png")) {
            assertTrue(html.contains("src=\"" + report.getString("assets.find { it.name == '" + image + "' }.url") + "\""), html);
        }

        String exported = given().auth().oauth2(TestTokens.editor()).get("/api/reports/{id}/export", mdxId).then()
                .statusCode(200).extract().asString();
        assertEquals(new String(files.get("index.mdx"), StandardCharsets.UTF_8), exported, "the MDX source, byte for byte");
        byte[] exportedZip = given().auth().oauth2(TestTokens.editor()).accept("application/zip")
                .get("/api/reports/{id}/export", mdxId).then().statusCode(200).extract().asByteArray();
        Map<String, byte[]> entries = Zips.entries(exportedZip);
        assertEquals(Set.of("mdx-showcase/index.mdx", "mdx-showcase/releases.svg", "mdx-showcase/team.jpeg",
                "mdx-showcase/logo.png"), entries.keySet());
        files.forEach((name, bytes) -> assertArrayEquals(bytes, entries.get("mdx-showcase/" + name), name));

        String mdId = result.getString("reports.find { it.slug == '" + MD_POST + "' }.id");
        Map<String, byte[]> mdEntries = Zips.entries(given().auth().oauth2(TestTokens.editor()).accept("application/zip")
                .get("/api/reports/{id}/export", mdId).then().statusCode(200).extract().asByteArray());
        Map<String, byte[]> original = Zips.entries(Corpus.zip(List.of(MD_POST)));
        assertEquals(original.keySet(), mdEntries.keySet());
        original.forEach((name, bytes) -> assertArrayEquals(bytes, mdEntries.get(name), name));

        Zips again = Zips.create();
        entries.forEach(again::add);
        mdEntries.forEach(again::add);
        JsonPath reImport = ImportSafetyTest.importZip(again.bytes(), 200);
        assertEquals(2, reImport.getInt("unchanged"), reImport::prettify);
    }

    @Test
    void anSvgFigureIsSanitisedAndServedSandboxed() {
        byte[] hostile = fixture("hostile.svg");
        String id = given().auth().oauth2(TestTokens.editor()).queryParam("slug", "svg-figure")
                .multiPart("index.md", "index.md", "---\ntitle: SVG figure\npublished: true\n---\n![chart](chart.svg)\n"
                        .getBytes(StandardCharsets.UTF_8), "text/markdown")
                .multiPart("image", "chart.svg", hostile, "image/svg+xml")
                .post("/api/reports/import").then().statusCode(200).extract().path("id");
        String url = given().get("/api/reports/{id}", id).then().statusCode(200).extract()
                .path("assets.find { it.name == 'chart.svg' }.url");
        String served = given().get(url.substring("http://content.test".length())).then().statusCode(200)
                .contentType("image/svg+xml").header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff").extract().asString();
        for (String gone : List.of("<script", "onload", "onclick", "foreignObject", "evil.example", "javascript:")) {
            assertFalse(served.contains(gone), () -> gone + " served in " + served);
        }
        assertTrue(served.contains("<use href=\"#dot\""), served);
    }

    @Test
    void anMdxDocumentImportsOnItsOwnToo() {
        given().auth().oauth2(TestTokens.editor()).contentType("text/mdx").queryParam("slug", "single-mdx")
                .body("---\ntitle: Single MDX\n---\nimport X from 'x';\n\n<X />\n\nText.\n")
                .post("/api/reports/import").then().statusCode(200).body("state", equalTo("draft"))
                .body("warnings.size()", equalTo(2));
    }

    private static byte[] fixture(String name) {
        try (InputStream in = MdxAndSvgImportTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
