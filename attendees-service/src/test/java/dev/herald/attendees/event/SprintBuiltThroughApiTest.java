package dev.herald.attendees.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.herald.attendees.DemoData;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class SprintBuiltThroughApiTest {

    private static final String SPRINT = "/api/events/" + DemoData.SPRINT;

    private static boolean built;

    /** Once per class, but not in a static @BeforeAll: REST Assured learns the random port per test. */
    @BeforeEach
    void buildTheSprint() {
        if (!built) {
            DemoData.loadSprint();
            built = true;
        }
    }

    @Test
    void theEventItself() {
        given().get(SPRINT).then().statusCode(200)
                .body("name", equalTo("CPython Core Developer Sprint 2019"))
                .body("kind", equalTo("sprint"))
                .body("startDate", equalTo("2019-09-09"))
                .body("endDate", equalTo("2019-09-13"))
                .body("city", equalTo("London"))
                .body("venue", equalTo("Bloomberg London headquarters"))
                .body("host.slug", equalTo("bloomberg"))
                .body("attendance", equalTo(34))
                .body("links", hasSize(3));
    }

    @Test
    void thirtyThreeNamedAttendeesAndARemoteMentorMakeThirtyFourParticipants() {
        given().get(SPRINT).then().statusCode(200)
                .body("participants.attendee", hasSize(33))
                .body("participants.attendee.name", hasItems("Łukasz Langa", "Guido van Rossum", "Pablo Galindo",
                        "Stéphane Wirtel", "Jason R. Coombs", "Gregory P. Smith"))
                .body("participants.remote.name", contains("Andrew Svetlov"))
                .body("participants.attendee.name", not(hasItem("Andrew Svetlov")));
        given().get(SPRINT + "/participants?size=100").then().statusCode(200).body("total", equalTo(34));
    }

    @Test
    void authorsWhoAttendedAreTheSamePeople() {
        given().get("/api/people?q=langa").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].slug", equalTo("lukasz-langa")).body("items[0].github", equalTo("ambv"));
        given().get("/api/people/lukasz-langa").then().statusCode(200)
                .body("participations.eventSlug", hasItem(DemoData.SPRINT))
                .body("participations[0].roles", contains("attendee"));
    }

    @Test
    void twoMenteesWithTheirMentorsOneRemote() {
        given().get(SPRINT).then().statusCode(200)
                .body("participants.mentee.slug", containsInAnyOrder("joannah-nanjekye", "karthikeyan-singaravelan"))
                .body("participants.mentor.slug", containsInAnyOrder("eric-snow", "yury-selivanov", "andrew-svetlov"))
                .body("mentorships", hasSize(3))
                .body("mentorships.find { it.mentor.slug == 'eric-snow' }.mentee.slug", equalTo("joannah-nanjekye"))
                .body("mentorships.find { it.mentor.slug == 'eric-snow' }.remote", equalTo(false))
                .body("mentorships.find { it.mentor.slug == 'yury-selivanov' }.mentee.slug", equalTo("karthikeyan-singaravelan"))
                .body("mentorships.find { it.mentor.slug == 'yury-selivanov' }.remote", equalTo(false))
                .body("mentorships.find { it.mentor.slug == 'andrew-svetlov' }.mentee.slug", equalTo("karthikeyan-singaravelan"))
                .body("mentorships.find { it.mentor.slug == 'andrew-svetlov' }.remote", equalTo(true));
    }

    @Test
    void sponsorsAndWhatTheyGave() {
        given().get(SPRINT).then().statusCode(200)
                .body("sponsors", hasSize(8))
                .body("sponsors.findAll { it.organisation.slug == 'bloomberg' }.kind", containsInAnyOrder("venue", "catering"))
                .body("sponsors.find { it.organisation.slug == 'psf' }.kind", equalTo("travel_funding"))
                .body("sponsors.find { it.organisation.slug == 'pylondinium' }.kind", equalTo("ticket_proceeds"))
                .body("sponsors.findAll { it.kind == 'employee_expenses' }.organisation.name",
                        containsInAnyOrder("Microsoft", "Facebook", "Google", "Red Hat"));
        given().get(SPRINT + "/sponsorships?kind=employee_expenses").then().statusCode(200)
                .body("items", hasSize(4)).body("total", equalTo(4));
    }

    @Test
    void fourFridayLightningTalksWithTheirSpeakers() {
        given().get(SPRINT + "/talks?kind=lightning_talk").then().statusCode(200)
                .body("items", hasSize(4))
                .body("items.day", everyItem(equalTo("2019-09-13")))
                .body("items.slot", contains(1, 2, 3, 4))
                .body("items.title", contains("Work in AsyncMock", "Removing dead batteries in the standard library",
                        "Sub-Interpreters support in the standard library", "Improving bugs.python.org"))
                .body("items[2].speakers.name", contains("Eric Snow", "Joannah Nanjekye"))
                .body("items[0].speakers.name", contains("Lisa Roach"));
        given().get(SPRINT).then()
                .body("participants.speaker.slug", containsInAnyOrder("lisa-roach", "christian-heimes", "eric-snow",
                        "joannah-nanjekye", "ezio-melotti"))
                .body("talks", hasSize(5));
    }

    @Test
    void loadingAgainChangesNothing() {
        DemoData.loadSprint();
        given().auth().oauth2(dev.herald.infra.TestTokens.admin()).contentType("application/json; charset=UTF-8")
                .body(DemoData.read("demo/" + DemoData.SPRINT + "/participants.json"))
                .post(SPRINT + "/participants/import").then().statusCode(200)
                .body("unchanged", equalTo(34)).body("created", equalTo(0)).body("failed", equalTo(0));
        given().get(SPRINT).then().body("participants.attendee", hasSize(33)).body("mentorships", hasSize(3))
                .body("sponsors", hasSize(8)).body("talks", hasSize(5));
    }
}
