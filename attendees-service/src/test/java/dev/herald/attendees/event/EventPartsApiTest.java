package dev.herald.attendees.event;

import static dev.herald.infra.Management.management;
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

    /** An event, an organisation and three people to take part; slugs carry the test's prefix. */
    private static void eventWithPeople(String prefix) {
        admin().body("{\"slug\": \"" + prefix + "-event\", \"name\": \"Event " + prefix + "\", \"kind\": \"sprint\","
                + " \"startDate\": \"2024-05-01\", \"endDate\": \"2024-05-02\"}").post("/api/events").then().statusCode(201);
        admin().body("{\"slug\": \"" + prefix + "-org\", \"name\": \"Org " + prefix + "\", \"kind\": \"company\"}")
                .post("/api/organisations").then().statusCode(201);
        for (String person : new String[] {"a", "b", "c"}) {
            admin().body("{\"slug\": \"" + prefix + "-" + person + "\", \"name\": \"Person " + prefix + " " + person + "\"}")
                    .post("/api/people").then().statusCode(201);
        }
    }

    @Test
    void talksAreAddedRenamedAndRemovedAndTheirSpeakersKeepTheRole() {
        eventWithPeople("talks");
        String talk = admin().body("{\"title\": \"First\", \"kind\": \"talk\", \"slot\": 1, \"speakers\": [\"talks-a\"]}")
                .post("/api/events/talks-event/talks").then().statusCode(201).extract().path("id");
        admin().body("{\"title\": \"First\", \"kind\": \"talk\", \"speakers\": []}")
                .post("/api/events/talks-event/talks").then().statusCode(409).body("errors[0].field", equalTo("title"));
        admin().body("{\"title\": \"Second\", \"kind\": \"talk\", \"speakers\": [\"talks-a\", \"nobody-here\"]}")
                .post("/api/events/talks-event/talks").then().statusCode(400).body("errors[0].field", equalTo("speakers[1]"));
        admin().body("{\"title\": \"First, renamed\", \"kind\": \"keynote\", \"slot\": 1, \"speakers\": [\"talks-b\", \"talks-a\"]}")
                .put("/api/events/talks-event/talks/" + talk).then().statusCode(200)
                .body("speakers.slug", contains("talks-b", "talks-a"));
        given().get("/api/events/talks-event/participants?role=speaker").then().statusCode(200)
                .body("items.slug", contains("talks-a", "talks-b"));
        given().get("/api/events/talks-event").then().body("talks[0].kind", equalTo("keynote"));

        given().auth().oauth2(TestTokens.admin()).delete("/api/events/talks-event/talks/" + talk).then().statusCode(204);
        given().get("/api/events/talks-event").then().body("talks", hasSize(0))
                .body("participants.speaker.slug", contains("talks-a", "talks-b"));
    }

    @Test
    void mentorshipsGiveBothRolesAndARemoteMentorTheRemoteRole() {
        eventWithPeople("mentoring");
        String mentorship = admin().body("{\"mentor\": \"mentoring-a\", \"mentee\": \"mentoring-c\"}")
                .post("/api/events/mentoring-event/mentorships").then().statusCode(201).extract().path("id");
        admin().body("{\"mentor\": \"mentoring-a\", \"mentee\": \"mentoring-c\"}")
                .post("/api/events/mentoring-event/mentorships").then().statusCode(409);
        admin().body("{\"mentor\": \"mentoring-a\", \"mentee\": \"mentoring-a\"}")
                .post("/api/events/mentoring-event/mentorships").then().statusCode(400).body("errors[0].field", equalTo("mentee"));
        admin().body("{\"mentor\": \"mentoring-a\", \"mentee\": \"mentoring-c\", \"remote\": true}")
                .put("/api/events/mentoring-event/mentorships/" + mentorship).then().statusCode(200).body("remote", equalTo(true));

        given().get("/api/events/mentoring-event").then()
                .body("participants.remote.slug", contains("mentoring-a"))
                .body("participants.mentee.slug", contains("mentoring-c"));
        given().get("/api/people/mentoring-a").then().body("participations[0].roles", hasItem("mentor"));
    }

    @Test
    void aSponsorshipsNoteChangesButItsOrganisationAndKindStay() {
        eventWithPeople("sponsors");
        String sponsorship = admin().body("{\"organisation\": \"sponsors-org\", \"kind\": \"catering\", \"note\": \"Lunch\"}")
                .post("/api/events/sponsors-event/sponsorships").then().statusCode(201).extract().path("id");
        admin().body("{\"organisation\": \"sponsors-org\", \"kind\": \"catering\", \"note\": \"Lunch and dinner\"}")
                .put("/api/events/sponsors-event/sponsorships/" + sponsorship).then().statusCode(200)
                .body("note", equalTo("Lunch and dinner"));
        admin().body("{\"organisation\": \"sponsors-org\", \"kind\": \"venue\"}")
                .put("/api/events/sponsors-event/sponsorships/" + sponsorship).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        admin().body("{\"organisation\": \"sponsors-org\", \"kind\": \"free_lunch\"}")
                .post("/api/events/sponsors-event/sponsorships").then().statusCode(400).body("errors[0].field", equalTo("kind"));

        given().get("/api/events/sponsors-event").then().body("sponsors[0].note", equalTo("Lunch and dinner"))
                .body("sponsors[0].kind", equalTo("catering"));
    }

    @Test
    void aParticipantRemovedLosesEveryRoleAtThatEvent() {
        eventWithPeople("leaving");
        admin().body("{\"title\": \"Kept\", \"kind\": \"talk\", \"speakers\": [\"leaving-a\", \"leaving-b\"]}")
                .post("/api/events/leaving-event/talks").then().statusCode(201);

        given().auth().oauth2(TestTokens.admin()).delete("/api/events/leaving-event/participants/leaving-b").then()
                .statusCode(204);

        given().get("/api/events/leaving-event").then().body("participants.speaker.slug", not(hasItem("leaving-b")));
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
        management().get("/q/openapi?format=json").then().statusCode(200)
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
