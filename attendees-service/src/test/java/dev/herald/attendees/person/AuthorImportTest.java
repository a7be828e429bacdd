package dev.herald.attendees.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class AuthorImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The author files as they are in the corpus, keyed by file name: the slug. */
    private static String authorFiles() throws Exception {
        ObjectNode bySlug = JSON.createObjectNode();
        Path dir = Path.of(AuthorImportTest.class.getClassLoader().getResource("authors").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    bySlug.set(file.getFileName().toString().replace(".json", ""), JSON.readTree(in));
                }
            }
        }
        return bySlug.toString();
    }

    @Test
    void theTwentySevenAuthorsImportedTwiceGiveNoDuplicates() throws Exception {
        String authors = authorFiles();
        var first = given().auth().oauth2(TestTokens.admin()).contentType("application/json; charset=UTF-8").body(authors)
                .post("/api/people/import").then().statusCode(200)
                .body("rows", hasSize(27)).body("failed", equalTo(0)).extract().jsonPath();
        // another test class may have imported them already into the shared database
        org.junit.jupiter.api.Assertions.assertEquals(27, first.getInt("created") + first.getInt("unchanged"));

        given().auth().oauth2(TestTokens.admin()).contentType("application/json; charset=UTF-8").body(authors)
                .post("/api/people/import").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(27))
                .body("rows.status", everyItem(equalTo("unchanged")));

        for (String slug : new String[] {"lukasz-langa", "haypo", "emma-smith", "ken-jin"}) {
            given().get("/api/people?q=" + given().get("/api/people/" + slug).then().statusCode(200)
                    .extract().path("name")).then().body("total", equalTo(1));
        }
        given().get("/api/people/emma-smith").then()
                .body("name", equalTo("Emma Smith"))
                .body("github", equalTo("emmatyping"))
                .body("bluesky", equalTo("emmatyping.dev"))
                .body("mastodon", equalTo("https://hachyderm.io/@emmatyping"))
                .body("website", equalTo("https://emmatyping.dev"))
                .body("featured", equalTo(false));
    }

    @Test
    void aChangedAuthorIsUpdatedAndABadOneReportedWhileTheRestIsStored() {
        String authors = """
                [
                  {"slug": "import-test-ada", "name": "Ada Import", "bio": "first", "github": "", "featured": false},
                  {"slug": "import-test-bad", "name": "", "website": "not a url"},
                  {"slug": "import-test-typed", "name": "Typed", "featured": "very"}
                ]""";
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(authors)
                .post("/api/people/import").then().statusCode(200)
                .body("created", equalTo(1)).body("failed", equalTo(2))
                .body("rows[1].errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "website"))
                .body("rows[2].errors[0].field", equalTo("featured"));
        given().get("/api/people/import-test-bad").then().statusCode(404);

        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body(authors.replace("\"first\"", "\"second\""))
                .post("/api/people/import").then().statusCode(200)
                .body("updated", equalTo(1)).body("rows[0].status", equalTo("updated"));
        given().get("/api/people/import-test-ada").then().body("bio", equalTo("second"));
    }
}
