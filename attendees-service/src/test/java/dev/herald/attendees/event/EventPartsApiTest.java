package dev.herald.attendees.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class EventPartsApiTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json; charset=UTF-8");
    }

    @Test
    void organisationsAreListedFilteredAndProtectedWhileReferenced() {
        admin().body("{\"slug\": \"parts-host\", \"name\": \"Parts Host\", \"kind\": \"university\"}")
                .post("/api/organisations").then().statusCode(201);
        admin().body("{\"slug\": \"parts-host\", \"name\": \"Again\", \"kind\": \"company\"}")
                .post("/api/organisations").then().statusCode(409).body("errors[0].field", equalTo("slug"));
        admin().body("{\"name\": \"No Kind\", \"url\": \"not a url\"}").post("/api/organisations").then()
                .statusCode(400).body("errors.field", contains("kind", "url"));
        given().get("/api/organisations?kind=university&q=parts").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].slug", equalTo("parts-host"));
        given().get("/api/organisations?kind=castle").then().statusCode(400).body("errors[0].field", equalTo("kind"));

        admin().body("{\"slug\": \"parts-event\", \"name\": \"Parts Event\", \"kind\": \"workshop\","
                + " \"startDate\": \"2024-02-01\", \"endDate\": \"2024-02-03\", \"host\": \"parts-host\"}")
                .post("/api/events").then().statusCode(201);
        given().auth().oauth2(TestTokens.admin()).delete("/api/organisations/parts-host").then().statusCode(409)
                .contentType("application/problem+json");
        given().get("/api/organisations/parts-host").then().statusCode(200);
    }

    @Test
    void eventsAreFilteredByDatesAndPaged() {
        for (int day = 1; day <= 3; day++) {
            admin().body("{\"slug\": \"paged-" + day + "\", \"name\": \"Paged " + day + "\", \"kind\": \"conference\","
                    + " \"startDate\": \"2015-0" + day + "-10\", \"endDate\": \"2015-0" + day + "-11\"}")
                    .post("/api/events").then().statusCode(201);
        }
        given().get("/api/events?q=paged&size=2&page=0").then().statusCode(200)
                .body("total", equalTo(3)).body("items.slug", contains("paged-3", "paged-2"));
        given().get("/api/events?q=paged&size=2&page=1").then().body("items.slug", contains("paged-1"));
        given().get("/api/events?from=2015-02-01&to=2015-02-28").then().body("items.slug", contains("paged-2"));
        given().get("/api/events?from=February").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void talksMentorshipsSponsorshipsAndParticipantsAreEdited() {
        admin().body("{\"slug\": \"edit-event\", \"name\": \"Edit Event\", \"kind\": \"sprint\","
                + " \"startDate\": \"2024-05-01\", \"endDate\": \"2024-05-02\"}").post("/api/events").then().statusCode(201);
        admin().body("{\"slug\": \"edit-org\", \"name\": \"Edit Org\", \"kind\": \"company\"}")
                .post("/api/organisations").then().statusCode(201);
        for (String slug : new String[] {"edit-a", "edit-b", "edit-c"}) {
            admin().body("{\"slug\": \"" + slug + "\", \"name\": \"Person " + slug + "\"}").post("/api/people").then()
                    .statusCode(201);
        }
        String talk = admin().body("{\"title\": \"First\", \"kind\": \"talk\", \"slot\": 1, \"speakers\": [\"edit-a\"]}")
                .post("/api/events/edit-event/talks").then().statusCode(201).extract().path("id");
        admin().body("{\"title\": \"First\", \"kind\": \"talk\", \"speakers\": []}")
                .post("/api/events/edit-event/talks").then().statusCode(409).body("errors[0].field", equalTo("title"));
        admin().body("{\"title\": \"Second\", \"kind\": \"talk\", \"speakers\": [\"edit-a\", \"nobody-here\"]}")
                .post("/api/events/edit-event/talks").then().statusCode(400).body("errors[0].field", equalTo("speakers[1]"));
        admin().body("{\"title\": \"First, renamed\", \"kind\": \"keynote\", \"slot\": 1, \"speakers\": [\"edit-b\", \"edit-a\"]}")
                .put("/api/events/edit-event/talks/" + talk).then().statusCode(200)
                .body("speakers.slug", contains("edit-b", "edit-a"));

        String mentorship = admin().body("{\"mentor\": \"edit-a\", \"mentee\": \"edit-c\"}")
                .post("/api/events/edit-event/mentorships").then().statusCode(201).extract().path("id");
        admin().body("{\"mentor\": \"edit-a\", \"mentee\": \"edit-c\"}")
                .post("/api/events/edit-event/mentorships").then().statusCode(409);
        admin().body("{\"mentor\": \"edit-a\", \"mentee\": \"edit-a\"}")
                .post("/api/events/edit-event/mentorships").then().statusCode(400).body("errors[0].field", equalTo("mentee"));
        admin().body("{\"mentor\": \"edit-a\", \"mentee\": \"edit-c\", \"remote\": true}")
                .put("/api/events/edit-event/mentorships/" + mentorship).then().statusCode(200).body("remote", equalTo(true));

        String sponsorship = admin().body("{\"organisation\": \"edit-org\", \"kind\": \"catering\", \"note\": \"Lunch\"}")
                .post("/api/events/edit-event/sponsorships").then().statusCode(201).extract().path("id");
        admin().body("{\"organisation\": \"edit-org\", \"kind\": \"catering\", \"note\": \"Lunch and dinner\"}")
                .put("/api/events/edit-event/sponsorships/" + sponsorship).then().statusCode(200)
                .body("note", equalTo("Lunch and dinner"));
        admin().body("{\"organisation\": \"edit-org\", \"kind\": \"free_lunch\"}")
                .post("/api/events/edit-event/sponsorships").then().statusCode(400).body("errors[0].field", equalTo("kind"));

        given().get("/api/events/edit-event/participants?role=speaker").then().statusCode(200)
                .body("items.slug", contains("edit-a", "edit-b"));
        given().get("/api/events/edit-event").then()
                .body("participants.remote.slug", contains("edit-a"))
                .body("participants.mentee.slug", contains("edit-c"))
                .body("talks[0].kind", equalTo("keynote"))
                .body("sponsors[0].note", equalTo("Lunch and dinner"));

        given().auth().oauth2(TestTokens.admin()).delete("/api/events/edit-event/talks/" + talk).then().statusCode(204);
        given().auth().oauth2(TestTokens.admin()).delete("/api/events/edit-event/participants/edit-b").then()
                .statusCode(204);
        given().get("/api/events/edit-event").then().body("talks", hasSize(0))
                .body("participants.speaker.slug", not(hasItem("edit-b")));
        given().get("/api/people/edit-a").then().body("participations[0].roles", hasItem("mentor"));
    }

    @Test
    void anEventsTalksArePaged() {
        admin().body("{\"slug\": \"talk-pages\", \"name\": \"Talk Pages\", \"kind\": \"sprint\","
                + " \"startDate\": \"2024-07-01\", \"endDate\": \"2024-07-01\"}").post("/api/events").then().statusCode(201);
        for (int slot = 1; slot <= 3; slot++) {
            admin().body("{\"title\": \"Talk " + slot + "\", \"kind\": \"talk\", \"slot\": " + slot + "}")
                    .post("/api/events/talk-pages/talks").then().statusCode(201);
        }
        given().get("/api/events/talk-pages/talks?size=2&page=1").then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(1)).body("items.title", contains("Talk 3"));
        given().get("/api/events/talk-pages/talks?page=7").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(0));
        given().get("/api/events/talk-pages/talks?size=500").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void eachPartsWritesAreDocumentedWithItsOwnBody() {
        String json = "application/json";
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/events/{event}/talks'.post.requestBody.content.'" + json + "'.schema.'$ref'",
                        endsWith("/TalkInput"))
                .body("paths.'/api/events/{event}/sponsorships/{id}'.put.requestBody.content.'" + json + "'.schema.'$ref'",
                        endsWith("/SponsorshipInput"))
                .body("paths.'/api/events/{event}/mentorships/{id}'.put.responses.'200'.content.'" + json
                        + "'.schema.'$ref'", endsWith("/MentorshipView"))
                .body("paths.'/api/events/{event}/talks'.get.parameters.name", hasItems("event", "kind", "page", "size"));
    }

    @Test
    void aPersonListedTwiceInOneImportIsOnePersonWithBothRoles() {
        admin().body("{\"slug\": \"twice-event\", \"name\": \"Twice Event\", \"kind\": \"sprint\","
                + " \"startDate\": \"2024-06-01\", \"endDate\": \"2024-06-01\"}").post("/api/events").then().statusCode(201);
        admin().body("[{\"person\": \"Brand New Twice\", \"roles\": [\"attendee\"]},"
                + " {\"person\": \"brand new twice\", \"roles\": [\"organiser\"]}]")
                .post("/api/events/twice-event/participants/import").then().statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(1)).body("failed", equalTo(0));
        given().get("/api/people?q=brand new twice").then().body("total", equalTo(1));
        given().get("/api/events/twice-event/participants").then()
                .body("items", hasSize(1)).body("items[0].roles", contains("attendee", "organiser"));
    }
}
