package dev.herald.feed.site;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.AttendeesEvents;
import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Events and people from attendees.events, shaped as docs/events/attendees describes them, on the public pages. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class DirectoryPagesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reportAndEventPagesShowWhoTookPartAndTheAuthor() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        UUID personId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ObjectNode author = AttendeesEvents.person(personId, "author-" + key, "Pablo Galindo");
        author.put("bio", "Core developer").put("github", "pablogsal");
        author.putArray("affiliations").addObject().put("id", UUID.randomUUID().toString()).put("title", "Engineer")
                .set("organisation", organisation("Bloomberg"));
        ObjectNode event = AttendeesEvents.event(eventId, "sprint-" + key, "Core Developer Sprint " + key, "sprint",
                "2019-09-09", "2019-09-13").put("venue", "Bloomberg").put("city", "London");
        ObjectNode participants = (ObjectNode) event.get("participants");
        participants.putArray("organiser").add(participant(personId, "author-" + key, "Pablo Galindo", "organiser"));
        participants.putArray("attendee").add(participant(UUID.randomUUID(), "guido", "Guido van Rossum", "attendee"));
        ObjectNode mentorship = event.putArray("mentorships").addObject().put("id", UUID.randomUUID().toString())
                .put("remote", true);
        mentorship.set("mentor", ref("victor", "Victor Stinner"));
        mentorship.set("mentee", ref("lysandros", "Lysandros Nikolaou"));
        event.putArray("sponsors").addObject().put("id", UUID.randomUUID().toString()).put("kind", "travel_funding")
                .set("organisation", organisation("Python Software Foundation"));
        ObjectNode talk = event.putArray("talks").addObject().put("id", UUID.randomUUID().toString())
                .put("title", "The PEG parser").put("kind", "talk");
        talk.putArray("speakers").add(ref("guido", "Guido van Rossum"));

        try (AttendeesEvents attendees = new AttendeesEvents(); ReportEvents reports = new ReportEvents()) {
            attendees.send(AttendeesEvents.PERSON_CREATED, personId, author);
            attendees.send(AttendeesEvents.EVENT_CREATED, eventId, event);
            ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, "report-" + key, "Sprint report", "2019-10-30");
            report.putObject("author").put("name", "Pablo Galindo").put("slug", "author-" + key);
            report.putObject("event").put("slug", "sprint-" + key);
            reports.send(ReportEvents.PUBLISHED, report);

            String page = "/2019/10/report-" + key;
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get(page).asString().contains("Mentorships"));
            Document reportPage = html(page);
            Element box = reportPage.selectFirst("section.event");
            assertEquals("Core Developer Sprint " + key, box.selectFirst("h2").text());
            assertEquals("/events/sprint-" + key, box.selectFirst("h2 a").attr("href"));
            assertEquals("sprint · 2019-09-09 – 2019-09-13 · Bloomberg, London", box.selectFirst("p.meta").text());
            assertEquals(List.of("Organisers", "Attendees", "Mentorships", "Sponsors", "Talks"), box.select("h3").eachText());
            assertEquals("Pablo Galindo", box.selectFirst("h3:containsOwn(Organisers) + p").text());
            assertEquals("Guido van Rossum", box.selectFirst("h3:containsOwn(Attendees) + p").text());
            assertEquals(List.of("Victor Stinner mentored Lysandros Nikolaou (remotely)"),
                    box.select("h3:containsOwn(Mentorships) + ul li").eachText());
            assertEquals(List.of("Python Software Foundation (travel funding)"), box.select("h3:containsOwn(Sponsors) + ul li").eachText());
            assertEquals(List.of("The PEG parser (talk), by Guido van Rossum"), box.select("h3:containsOwn(Talks) + ul li").eachText());
            Element card = reportPage.selectFirst("aside.author");
            assertEquals("/authors/author-" + key, card.selectFirst("a[rel=author]").attr("href"));
            assertEquals("Pablo Galindo · Engineer, Bloomberg", card.selectFirst("p").text());
            assertEquals("Core developer", card.select("p").get(1).text());
            assertEquals("https://github.com/pablogsal", card.selectFirst("a[rel=me]").attr("href"));

            Document eventPage = html("/events/sprint-" + key);
            assertEquals("Core Developer Sprint " + key, eventPage.selectFirst("h1").text());
            assertEquals(List.of("Sprint report"), eventPage.select("article.card h2 a").stream()
                    .filter(link -> link.attr("href").equals(page)).map(Element::text).toList());

            // erased without consent to keep the public record: the profile disappears from every page
            attendees.send(AttendeesEvents.PERSON_ERASED, personId, AttendeesEvents.erasure(personId));
            await().atMost(Duration.ofSeconds(30)).until(() -> html(page).selectFirst("aside.author") == null);
            assertFalse(html(page).text().contains("Engineer, Bloomberg"));

            // their author page and feeds are gone; the byline text stays as the editor wrote it, linking nobody
            String authorPath = "/authors/author-" + key;
            given().get(authorPath).then().statusCode(410).contentType(containsString("text/html"));
            for (String feed : new String[] {"atom.xml", "rss.xml", "feed.json"}) {
                given().get(authorPath + "/" + feed).then().statusCode(410);
            }
            // the event's feeds: the report may be past the first page of /feeds/* when other tests publish newer ones
            String eventFeeds = "/events/sprint-" + key;
            await().atMost(Duration.ofSeconds(30)).until(() -> !given().get(eventFeeds + "/atom.xml").asString().contains(authorPath));
            given().get(page).then().body(containsString("Pablo Galindo")).body(not(containsString(authorPath)));
            // an event sent before the erasure reached content-service, or replayed, links them no more
            reports.send(ReportEvents.UPDATED, report.put("title", "Sprint report, corrected"));
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get(eventFeeds + "/feed.json").asString().contains("Sprint report, corrected"));
            for (String feed : new String[] {eventFeeds + "/atom.xml", eventFeeds + "/rss.xml", eventFeeds + "/feed.json", page}) {
                given().get(feed).then().statusCode(200).body(not(containsString(authorPath)));
            }
        }
    }

    @Test
    void aKnownEventWithoutReportsHasAPageUntilItIsDeleted() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        UUID eventId = UUID.randomUUID();
        ObjectNode event = AttendeesEvents.event(eventId, "summit-" + key, "Language Summit " + key, "summit", "2024-05-15", "2024-05-15");
        try (AttendeesEvents attendees = new AttendeesEvents()) {
            attendees.send(AttendeesEvents.EVENT_CREATED, eventId, event);
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/events/summit-" + key).statusCode() == 200);
            given().get("/events/summit-" + key).then().body(containsString("summit · 2024-05-15"));

            attendees.send(AttendeesEvents.EVENT_DELETED, eventId,
                    JSON.createObjectNode().put("id", eventId.toString()).put("slug", "summit-" + key));
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/events/summit-" + key).statusCode() == 404);
        }
    }

    private static Document html(String path) {
        return Jsoup.parse(given().get(path).then().statusCode(200).contentType(containsString("text/html")).extract().asString());
    }

    private static ObjectNode participant(UUID id, String slug, String name, String role) {
        ObjectNode participant = JSON.createObjectNode().put("id", id.toString()).put("slug", slug).put("name", name);
        ArrayNode roles = participant.putArray("roles");
        roles.add(role);
        return participant;
    }

    private static ObjectNode ref(String slug, String name) {
        return JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("slug", slug).put("name", name);
    }

    private static ObjectNode organisation(String name) {
        return JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("slug", name.toLowerCase().replace(' ', '-'))
                .put("name", name).put("kind", "foundation");
    }
}
