package dev.herald.feed.site;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.fasterxml.jackson.databind.node.ObjectNode;

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

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TestHTTPResource("/")
    URL home;

    WebDriver browser;

    /** Skipped on a laptop without Chromium; CI installs it, so there a missing browser fails the test. */
    static boolean chromiumInstalledOrCi() {
        return System.getenv("CI") != null || Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("herald-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aReaderGoesFromTheHomePageToAReportItsEventAndATag() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, "browser-" + key, "Browsed sprint " + key,
                Instant.now().toString());
        report.putArray("tags").add("tag-" + key);
        report.putObject("event").put("slug", "event-" + key);
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, report);
        }

        // waited for over HTTP: Chromium would keep serving its cached copy of the page for its max-age
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/").asString().contains("Browsed sprint " + key));
        browser.get(home.toString());
        assertTrue(hasFeedAutodiscovery());

        browser.findElement(By.linkText("Browsed sprint " + key)).click();
        assertEquals("Browsed sprint " + key, browser.findElement(By.tagName("h1")).getText());
        assertTrue(hasFeedAutodiscovery());

        browser.findElement(By.linkText("event-" + key)).click();
        assertEquals("Reports about event-" + key, browser.findElement(By.tagName("h1")).getText());
        browser.navigate().back();

        browser.findElement(By.linkText("tag-" + key)).click();
        assertEquals("Reports tagged tag-" + key, browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.cssSelector("link[rel=alternate][type='application/atom+xml']")).stream()
                .anyMatch(link -> link.getDomAttribute("href").endsWith("/tags/tag-" + key + "/atom.xml")));
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
