package dev.herald.feed.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What crawlers read: robots.txt. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class SharingTest {

    static final String BASE = "http://localhost:8080";

    @Test
    void robotsTxtLetsCrawlersReadThePagesAndNamesTheSitemap() {
        given().get("/robots.txt").then().statusCode(200).contentType(containsString("text/plain"))
                .body(equalTo("User-agent: *\nDisallow: /api/\n\nSitemap: " + BASE + "/sitemap.xml\n"));
        given().get("/sitemap.xml").then().statusCode(200);
    }
}
