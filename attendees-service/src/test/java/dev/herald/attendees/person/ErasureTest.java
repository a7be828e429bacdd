package dev.herald.attendees.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ErasureTest {

    private static final String ERASED = "erased at the person's request";

    @Inject
    AgroalDataSource database;

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json; charset=UTF-8");
    }

    @Test
    void anErasedAuthorStaysErasedThroughReimportsUntilTheErasureIsLifted() throws Exception {
        String authors = "{\"tomb-author\": {\"name\": \"Tómb Author\", \"bio\": \"Writes reports\"},"
                + " \"tomb-colleague\": {\"name\": \"Tomb Colleague\"}}";
        admin().body(authors).post("/api/people/import").then().statusCode(200).body("created", equalTo(2));
        given().auth().oauth2(TestTokens.admin()).delete("/api/people/tomb-author").then().statusCode(204);

        for (int run = 0; run < 2; run++) {
            admin().body(authors).post("/api/people/import").then().statusCode(200)
                    .body("created", equalTo(0)).body("unchanged", equalTo(1)).body("failed", equalTo(1))
                    .body("rows.find { it.key == 'tomb-author' }.status", equalTo("failed"))
                    .body("rows.find { it.key == 'tomb-author' }.errors[0].field", equalTo("slug"))
                    .body("rows.find { it.key == 'tomb-author' }.errors[0].message", containsString(ERASED));
            given().get("/api/people/tomb-author").then().statusCode(404);
        }
        // the same person under another slug, spelt without the accent and in other case, is recognised by name
        admin().body("{\"tomb-author-again\": {\"name\": \"tomb  AUTHOR\"}}").post("/api/people/import").then()
                .statusCode(200).body("failed", equalTo(1));
        admin().body("{\"slug\": \"tomb-author\", \"name\": \"Somebody Else\"}").post("/api/people").then()
                .statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug")).body("errors[0].message", containsString(ERASED));
        admin().body("{\"slug\": \"tomb-author\", \"name\": \"Tomb Colleague\"}").put("/api/people/tomb-colleague")
                .then().statusCode(409).body("errors[0].field", equalTo("slug"));

        List<String> tombstone = erasureColumns();
        assertFalse(tombstone.isEmpty());
        assertTrue(tombstone.stream().noneMatch(value -> value.toLowerCase(Locale.ROOT).contains("tomb")),
                "the tombstone holds no slug or name in the clear: " + tombstone);

        given().auth().oauth2(TestTokens.admin()).delete("/api/people/erasures/tomb-author").then().statusCode(204);
        given().auth().oauth2(TestTokens.admin()).delete("/api/people/erasures/tomb-author").then().statusCode(404);
        admin().body(authors).post("/api/people/import").then().statusCode(200)
                .body("created", equalTo(1)).body("unchanged", equalTo(1)).body("failed", equalTo(0));
        given().get("/api/people/tomb-author").then().statusCode(200).body("bio", equalTo("Writes reports"));
    }

    @Test
    void anAttendeeListNamingAnErasedPersonStoresTheOthersOnly() {
        admin().body("{\"slug\": \"tomb-meetup\", \"name\": \"Tomb Meetup\", \"kind\": \"meetup\","
                + " \"startDate\": \"2022-03-01\", \"endDate\": \"2022-03-01\"}").post("/api/events").then().statusCode(201);
        admin().body("{\"slug\": \"gone-attendee\", \"name\": \"Gone Attendee\"}").post("/api/people").then()
                .statusCode(201);
        given().auth().oauth2(TestTokens.admin()).delete("/api/people/gone-attendee").then().statusCode(204);
        String csv = """
                person,roles
                Gone Attendee,attendee
                gone-attendee,speaker
                Staying Attendee,attendee
                """;
        given().auth().oauth2(TestTokens.admin()).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/events/tomb-meetup/participants/import").then().statusCode(200)
                .body("created", equalTo(1)).body("failed", equalTo(2))
                .body("rows.findAll { it.status == 'failed' }.errors.flatten().field", everyItem(equalTo("person")))
                .body("rows.find { it.row == 2 }.errors[0].message", containsString(ERASED))
                .body("rows.find { it.row == 3 }.errors[0].message", containsString(ERASED));
        given().get("/api/people/gone-attendee").then().statusCode(404);
        admin().body("{\"roles\": [\"attendee\"]}").put("/api/events/tomb-meetup/participants/gone-attendee").then()
                .statusCode(409).body("errors[0].field", equalTo("person"))
                .body("errors[0].message", containsString(ERASED));
        given().get("/api/events/tomb-meetup").then()
                .body("participants.attendee.name", hasItem("Staying Attendee"))
                .body("participants.attendee.name", not(hasItem("Gone Attendee")));

        given().auth().oauth2(TestTokens.admin()).delete("/api/people/erasures/gone-attendee").then().statusCode(204);
        given().auth().oauth2(TestTokens.admin()).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/events/tomb-meetup/participants/import").then().statusCode(200).body("failed", equalTo(0));
        given().get("/api/events/tomb-meetup").then()
                .body("participants.speaker.slug", hasItem("gone-attendee"));
    }

    @Test
    void liftingTheErasureOfAPersonWhoKeptTheirPublicRecordLetsTheImportRefillThem() {
        admin().body("{\"refill-me\": {\"name\": \"Refill Me\", \"bio\": \"Back again\"}}").post("/api/people/import")
                .then().statusCode(200).body("created", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).delete("/api/people/refill-me?retainPublicRecord=true").then()
                .statusCode(204);
        admin().body("{\"refill-me\": {\"name\": \"Refill Me\", \"bio\": \"Back again\"}}").post("/api/people/import")
                .then().statusCode(200).body("failed", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).delete("/api/people/erasures/refill-me").then().statusCode(204);
        admin().body("{\"refill-me\": {\"name\": \"Refill Me\", \"bio\": \"Back again\"}}").post("/api/people/import")
                .then().statusCode(200).body("updated", equalTo(1));
        given().get("/api/people/refill-me").then().body("bio", equalTo("Back again"));
        given().delete("/api/people/erasures/refill-me").then().statusCode(401);
    }

    private List<String> erasureColumns() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("select slug_hash, name_hash from erasure")) {
            while (rows.next()) {
                assertEquals(64, rows.getString(1).length());
                values.add(rows.getString(1));
                values.add(rows.getString(2));
            }
        }
        return values;
    }
}
