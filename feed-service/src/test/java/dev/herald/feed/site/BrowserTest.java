package dev.herald.feed.site;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.AttendeesEvents;
import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A reader in headless Chromium (Debian's chromium and chromium-driver) walks the site. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
@EnabledIf("chromiumInstalledOrCi")
class BrowserTest {


    @TestHTTPResource("/")
    URL home;

    ChromeDriver browser;

    static boolean chromiumInstalledOrCi() {
        return Chromium.installedOrCi();
    }

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone", "desktop"})
    void aReaderGoesFromHomeThroughSearchToAReportItsAuthorItsEventAndATag(String window) {
        browser.manage().window().setSize(window.equals("phone") ? Chromium.PHONE : Chromium.DESKTOP);
        String key = UUID.randomUUID().toString().substring(0, 8);
        UUID authorId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ObjectNode event = AttendeesEvents.event(eventId, "event-" + key, "Walked Summit " + key, "summit", "2024-05-15",
                "2024-05-15");
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, "browser-" + key, "Browsed sprint " + key,
                Instant.now().toString());
        report.putArray("tags").add("tag-" + key);
        report.putObject("author").put("name", "Walking Author").put("slug", "walker-" + key);
        report.putObject("event").put("slug", "event-" + key);
        try (AttendeesEvents attendees = new AttendeesEvents(); ReportEvents events = new ReportEvents()) {
            attendees.send(AttendeesEvents.PERSON_CREATED, authorId,
                    AttendeesEvents.person(authorId, "walker-" + key, "Walking Author").put("bio", "Walks sites."));
            attendees.send(AttendeesEvents.EVENT_CREATED, eventId, event);
            events.send(ReportEvents.PUBLISHED, report);
        }
        // waited for over HTTP: Chromium would keep serving its cached copy of a page for its max-age
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/").asString().contains("Browsed sprint " + key)
                && given().get("/events/event-" + key).asString().contains("Walked Summit"));

        browser.get(home.toString());
        assertTrue(hasFeedAutodiscovery());
        fitsTheWindow();
        WebElement search = browser.findElement(By.cssSelector("form[role=search] input[type=search]"));
        search.sendKeys("browsed " + key + Keys.ENTER);
        browser.findElement(By.linkText("Browsed sprint " + key)).click();
        assertEquals("Browsed sprint " + key, browser.findElement(By.tagName("h1")).getText());
        assertTrue(hasFeedAutodiscovery());
        fitsTheWindow();

        browser.findElement(By.cssSelector("article a[rel=author]")).click();
        assertEquals("Reports by Walking Author", browser.findElement(By.tagName("h1")).getText());
        WebElement avatar = browser.findElement(By.cssSelector("aside.author img"));
        assertTrue(((Number) browser.executeScript("return arguments[0].naturalWidth", avatar)).intValue() > 0,
                "the avatar (here the initials) loads from Herald");
        browser.navigate().back();

        browser.findElement(By.linkText("event-" + key)).click();
        assertEquals("Walked Summit " + key, browser.findElement(By.tagName("h1")).getText());
        fitsTheWindow();
        browser.navigate().back();

        browser.findElement(By.linkText("tag-" + key)).click();
        assertEquals("Reports tagged tag-" + key, browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.cssSelector("link[rel=alternate][type='application/atom+xml']")).stream()
                .anyMatch(link -> link.getDomAttribute("href").endsWith("/tags/tag-" + key + "/atom.xml")));
        fitsTheWindow();
    }

    /** Nothing makes the page wider than the window: no sideways scrolling on a phone. */
    private void fitsTheWindow() {
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 0, browser.getCurrentUrl() + " is " + overflow + " px wider than the window");
    }

    @Test
    void theFeedsOpenAsPagesRenderedByFeedXsl() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, "feed-view-" + key, "Feed view " + key,
                Instant.now().toString());
        report.putArray("tags").add("view-" + key);
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, report);
        }
        String tagFeed = home.toString() + "tags/view-" + key + "/atom.xml";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/feeds/rss.xml").asString()
                .contains("Feed view " + key));
        for (String feed : new String[] {tagFeed, home + "tags/view-" + key + "/rss.xml", home + "feeds/atom.xml",
                home + "feeds/rss.xml"}) {
            browser.get(feed);
            // feed.xsl's page: the feed's title as the heading, each entry a heading linking its report
            assertTrue(!browser.findElements(By.cssSelector("h1 a")).isEmpty(), feed);
            assertTrue(browser.findElement(By.xpath("//h2/a[normalize-space()='Feed view " + key + "']"))
                    .getDomAttribute("href").endsWith("/feed-view-" + key), feed);
        }
        browser.get(tagFeed);
        assertTrue(browser.findElement(By.cssSelector("h1 a")).getText().endsWith("reports tagged view-" + key));
    }

    private boolean hasFeedAutodiscovery() {
        return !browser.findElements(By.cssSelector("head link[rel=alternate][type='application/atom+xml']")).isEmpty()
                && !browser.findElements(By.cssSelector("head link[rel=alternate][type='application/rss+xml']")).isEmpty();
    }
}
