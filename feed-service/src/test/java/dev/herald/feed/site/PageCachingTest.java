package dev.herald.feed.site;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/** Every HTML page carries validators and Cache-Control, and answers 304 while the reader's copy is current. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class PageCachingTest {

    static final String STRONG = "\"[A-Za-z0-9_-]{43}\"";

    @Test
    void aPageIsRevalidatedByItsTagUntilANewReportChangesIt() throws Exception {
        String permalink = publish("2020-05-06T07:00:00Z");
        String[] pages = { "/", permalink, "/2020", "/tags/cache-" + key(permalink), "/authors/author-" + key(permalink),
                "/events/event-" + key(permalink) };
        for (String page : pages) {
            String etag = identity().get(page).then().statusCode(200)
                    .header("ETag", matchesPattern(STRONG))
                    .header("Cache-Control", "public, max-age=60")
                    .header("Vary", "Accept-Encoding")
                    .extract().header("ETag");
            identity().header("If-None-Match", etag).get(page).then().statusCode(304)
                    .header("ETag", etag).header("Cache-Control", "public, max-age=60").body(emptyString());
            // weak comparison, lists and * (RFC 9110 13.1.2)
            identity().header("If-None-Match", "\"other\", W/" + etag).get(page).then().statusCode(304);
            identity().header("If-None-Match", "*").get(page).then().statusCode(304);
            identity().header("If-None-Match", "\"other\"").get(page).then().statusCode(200).body(startsWith("<!DOCTYPE"));
            identity().header("If-None-Match", etag).head(page).then().statusCode(304).header("ETag", etag);
        }

        // a report page is dated by the report; If-None-Match decides over If-Modified-Since
        identity().get(permalink).then().header("Last-Modified", "Wed, 06 May 2020 07:00:00 GMT");
        identity().header("If-Modified-Since", "Wed, 06 May 2020 07:00:00 GMT").get(permalink).then().statusCode(304);
        identity().header("If-Modified-Since", "Tue, 05 May 2020 07:00:00 GMT").get(permalink).then().statusCode(200);
        identity().header("If-None-Match", "\"other\"").header("If-Modified-Since", "Wed, 06 May 2020 07:00:00 GMT")
                .get(permalink).then().statusCode(200);

        String before = identity().get("/").header("ETag");
        String newer = publish(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> identity().get(newer).statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !before.equals(identity().get("/").header("ETag")));
        identity().header("If-None-Match", before).get("/").then().statusCode(200).header("ETag", not(before));
        assertNotEquals(before, identity().get("/").header("ETag"));
    }

    @Test
    void aCompressedPageCarriesTheWeakFormOfTheTag() throws Exception {
        String permalink = publish("2020-06-07T08:00:00Z");
        String strong = identity().get(permalink).then().statusCode(200).extract().header("ETag");
        given().header("Accept-Encoding", "gzip").get(permalink).then().statusCode(200)
                .header("Content-Encoding", "gzip")
                .header("ETag", "W/" + strong)
                .header("Vary", "Accept-Encoding");
        given().header("Accept-Encoding", "gzip").header("If-None-Match", "W/" + strong).get(permalink).then()
                .statusCode(304).header("ETag", "W/" + strong).body(emptyString());
        // the 404 page is not cached
        identity().get("/2020/06/no-such-report").then().statusCode(404).header("ETag", nullValue());
        identity().get("/sitemap.xml").then().statusCode(200).header("Cache-Control", not(equalTo("public, max-age=60")));
    }

    private static RequestSpecification identity() {
        // RestAssured asks for gzip and deflate unless it has no decoders
        return given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "identity");
    }

    private static String key(String permalink) {
        return permalink.substring(permalink.lastIndexOf('-') + 1);
    }

    private static String publish(String date) throws Exception {
        String key = UUID.randomUUID().toString().substring(0, 8);
        String slug = "cache-" + key;
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, slug, "Cached " + key, date);
        report.put("updatedDate", date);
        report.putArray("tags").add("cache-" + key);
        report.putObject("author").put("name", "Carol Willing").put("slug", "author-" + key);
        report.putObject("event").put("slug", "event-" + key);
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, report);
        }
        String permalink = "/" + date.substring(0, 4) + "/" + date.substring(5, 7) + "/" + slug;
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(permalink).statusCode() == 200);
        return permalink;
    }
}
