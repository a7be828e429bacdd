package dev.herald.attendees.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class PersonApiTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json; charset=UTF-8");
    }

    @Test
    void writesNeedTheAdminRole() {
        String body = "{\"name\": \"Nobody Special\"}";
        given().contentType("application/json").body(body).post("/api/people").then().statusCode(401);
        given().auth().oauth2(TestTokens.editor()).contentType("application/json").body(body)
                .post("/api/people").then().statusCode(403);
        given().auth().oauth2(TestTokens.editor()).delete("/api/people/nobody-special").then().statusCode(403);
        given().get("/api/people/nobody-special").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void createReadUpdateAndTheEmailStaysPrivate() {
        admin().body("""
                {"name": "Grace Private", "github": "grace-p", "website": "https://grace.example",
                 "email": "grace@example.org", "featured": true}""")
                .post("/api/people").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/people/grace-private"))
                .body("slug", equalTo("grace-private")).body("$", not(hasKey("email")));
        given().get("/api/people/grace-private").then().statusCode(200)
                .body("featured", equalTo(true)).body("$", not(hasKey("email")));
        given().auth().oauth2(TestTokens.admin()).get("/api/people/grace-private").then()
                .body("email", equalTo("grace@example.org"));
        given().get("/api/people?featured=true&q=GRACE").then().body("items.slug", hasItem("grace-private"));

        admin().body("{\"name\": \"Grace Private\", \"bio\": \"Edited\"}").put("/api/people/grace-private").then()
                .statusCode(200).body("bio", equalTo("Edited")).body("featured", equalTo(false));
    }

    @Test
    void badInputNamesEachFieldAndStoresNothing() {
        admin().body("""
                {"slug": "Bad Slug", "name": "", "email": "not-an-email", "website": "ftp:/nowhere",
                 "bio": "%s"}""".formatted("x".repeat(2001)))
                .post("/api/people").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("errors.field", containsInAnyOrder("slug", "name", "email", "website", "bio"));
        given().get("/api/people?q=not-an-email").then().body("total", equalTo(0));

        admin().body("{\"name\": \"Typed Wrong\", \"featured\": [1]}").post("/api/people").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("featured"));
        admin().body("{\"name\": ").post("/api/people").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/people/typed-wrong").then().statusCode(404);
        given().get("/api/people?size=1000").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void aDuplicateSlugIsAConflict() {
        admin().body("{\"slug\": \"twin\", \"name\": \"First Twin\"}").post("/api/people").then().statusCode(201);
        admin().body("{\"slug\": \"twin\", \"name\": \"Second Twin\"}").post("/api/people").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("slug"));
        given().get("/api/people/twin").then().body("name", equalTo("First Twin"));
    }

    @Test
    void eventsRejectEndBeforeStartAndUnknownHosts() {
        admin().body("""
                {"name": "Backwards", "kind": "sprint", "startDate": "2020-01-10", "endDate": "2020-01-09"}""")
                .post("/api/events").then().statusCode(400).body("errors[0].field", equalTo("endDate"));
        admin().body("""
                {"name": "Hostless", "kind": "sprint", "startDate": "2020-01-10", "endDate": "2020-01-11",
                 "host": "no-such-org"}""")
                .post("/api/events").then().statusCode(400).body("errors[0].field", equalTo("host"));
        admin().body("""
                {"name": "Kindless", "kind": "picnic", "startDate": "2020-01-10", "endDate": "2020-01-11"}""")
                .post("/api/events").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().get("/api/events?q=backwards").then().body("total", equalTo(0));
        given().get("/api/events/hostless").then().statusCode(404);
    }

    @Test
    void aCsvAttendeeListStoresGoodRowsAndReportsBrokenOnes() {
        admin().body("{\"slug\": \"csv-meetup\", \"name\": \"CSV Meetup\", \"kind\": \"meetup\","
                + " \"startDate\": \"2021-05-01\", \"endDate\": \"2021-05-01\"}").post("/api/events").then().statusCode(201);
        String csv = """
                person,roles
                Ada Lovelace,attendee;speaker
                "Hopper, Grace",organiser
                "Broken quote,attendee
                Someone,juggler
                Too,many,fields
                """;
        given().auth().oauth2(TestTokens.admin()).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/events/csv-meetup/participants/import").then().statusCode(200)
                .body("created", equalTo(2)).body("failed", equalTo(3))
                .body("rows.find { it.row == 4 }.errors[0].field", equalTo("body"))
                .body("rows.find { it.row == 5 }.errors[0].field", equalTo("roles"));
        given().get("/api/events/csv-meetup").then()
                .body("participants.speaker.name", containsInAnyOrder("Ada Lovelace"))
                .body("participants.organiser.name", containsInAnyOrder("Hopper, Grace"));
        given().get("/api/people/someone").then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).contentType("text/csv").body("name\nAda\n")
                .post("/api/events/csv-meetup/participants/import").then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void erasingWithoutConsentForgetsThePersonEverywhere() {
        admin().body("{\"slug\": \"erase-meetup\", \"name\": \"Erase Meetup\", \"kind\": \"meetup\","
                + " \"startDate\": \"2021-06-01\", \"endDate\": \"2021-06-01\"}").post("/api/events").then().statusCode(201);
        admin().body("{\"slug\": \"forget-me\", \"name\": \"Forget Me\", \"email\": \"forget@example.org\"}")
                .post("/api/people").then().statusCode(201);
        admin().body("{\"roles\": [\"attendee\"]}").put("/api/events/erase-meetup/participants/forget-me").then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.admin()).delete("/api/people/forget-me").then().statusCode(204);
        given().get("/api/people/forget-me").then().statusCode(404);
        given().get("/api/events/erase-meetup").then().body("participants.attendee.slug", not(hasItem("forget-me")));
    }

    @Test
    void erasingWithConsentKeepsNameAndParticipationOnly() {
        admin().body("{\"slug\": \"keep-meetup\", \"name\": \"Keep Meetup\", \"kind\": \"meetup\","
                + " \"startDate\": \"2021-07-01\", \"endDate\": \"2021-07-01\"}").post("/api/events").then().statusCode(201);
        admin().body("{\"slug\": \"keep-name\", \"name\": \"Keep Name\", \"bio\": \"Private life\","
                + " \"email\": \"keep@example.org\", \"github\": \"keepname\"}").post("/api/people").then().statusCode(201);
        admin().body("{\"roles\": [\"speaker\"]}").put("/api/events/keep-meetup/participants/keep-name").then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.admin()).delete("/api/people/keep-name?retainPublicRecord=true").then()
                .statusCode(204);
        given().auth().oauth2(TestTokens.admin()).get("/api/people/keep-name").then().statusCode(200)
                .body("name", equalTo("Keep Name")).body("bio", nullValue()).body("github", nullValue())
                .body("$", not(hasKey("email")))
                .body("participations[0].eventSlug", equalTo("keep-meetup"));
        admin().body("{\"keep-name\": {\"name\": \"Keep Name\", \"bio\": \"Private life\"}}")
                .post("/api/people/import").then().statusCode(200)
                .body("failed", equalTo(1)).body("rows[0].errors[0].field", equalTo("slug"));
        given().get("/api/people/keep-name").then().body("bio", nullValue());
    }
}
