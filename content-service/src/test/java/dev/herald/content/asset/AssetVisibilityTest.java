package dev.herald.content.asset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.herald.content.Corpus;
import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Images of a report are public only while it is published, and cached briefly enough for an unpublish to count. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class AssetVisibilityTest {

    private static final String PUBLIC = "public, max-age=300, must-revalidate";
    private static final String EDITORS_ONLY = "private, no-store";

    @Test
    void imagesFollowTheirReportIntoAndOutOfPublic() throws IOException {
        String document = Corpus.document("mercurial-mirrors-provided-by-atlassian")
                .replace("published: true", "published: false")
                .replace("legacyUrl: /", "legacyUrl: /visibility/");
        JsonPath created = given().auth().oauth2(TestTokens.editor()).queryParam("slug", "asset-visibility")
                .multiPart("index.md", "index.md", document.getBytes(StandardCharsets.UTF_8), "text/markdown")
                .multiPart("image", "image-1.png",
                        Files.readAllBytes(Corpus.posts().resolve("mercurial-mirrors-provided-by-atlassian/image-1.png")),
                        "image/png")
                .post("/api/reports/import").then().statusCode(200).body("state", equalTo("draft")).extract().jsonPath();
        String id = created.getString("id");
        String url = given().auth().oauth2(TestTokens.editor()).get("/api/reports/{id}", id).then().extract()
                .path("assets[0].url");
        String path = url.substring("http://content.test".length());

        assertHidden(path);
        String etag = given().auth().oauth2(TestTokens.editor()).get(path).then().statusCode(200)
                .contentType("image/png").header("Cache-Control", EDITORS_ONLY).extract().header("ETag");

        given().auth().oauth2(TestTokens.editor()).post("/api/reports/{id}/publish", id).then().statusCode(200);
        given().get(path).then().statusCode(200).contentType("image/png").header("Cache-Control", PUBLIC)
                .header("ETag", etag);
        given().header("If-None-Match", etag).get(path).then().statusCode(304).header("Cache-Control", PUBLIC);

        given().auth().oauth2(TestTokens.editor()).post("/api/reports/{id}/unpublish", id).then().statusCode(200);
        assertHidden(path);
        given().header("If-None-Match", etag).get(path).then().statusCode(404);

        given().auth().oauth2(TestTokens.editor()).contentType("application/json")
                .body(Map.of("publishAt", Instant.now().plusSeconds(3600).toString()))
                .post("/api/reports/{id}/schedule", id).then().statusCode(200).body("state", equalTo("scheduled"));
        assertHidden(path);
        given().auth().oauth2(TestTokens.editor()).get(path).then().statusCode(200).header("Cache-Control", EDITORS_ONLY);
    }

    @Test
    void anUnknownAssetIsAProblem() {
        given().get("/assets/{id}/image-1.png", java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static void assertHidden(String path) {
        given().get(path).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.withRoles("subscriber")).get(path).then().statusCode(404);
    }
}
