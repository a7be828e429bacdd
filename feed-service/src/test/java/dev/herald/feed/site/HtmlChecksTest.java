package dev.herald.feed.site;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.AttendeesEvents;
import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every page type (search results and the empty search form too) passes the Nu HTML checker (vnu-jar) without errors and axe-core in headless Chromium without
 * serious or critical violations, on a phone and a desktop, light and dark. The tools come from npm
 * (src/test/web-checks, installed by the build's web-checks profile).
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
@EnabledIf("toolsInstalledOrCi")
class HtmlChecksTest {

    static final Path TOOLS = Path.of("src/test/web-checks/node_modules");
    static final Path VNU = TOOLS.resolve("vnu-jar/build/dist/vnu.jar");
    static final Path AXE = TOOLS.resolve("axe-core/axe.min.js");
    static final ObjectMapper JSON = new ObjectMapper();

    /** One page of each type, by name; published once for both tests. */
    static Map<String, String> pages;

    @TestHTTPResource("/")
    URL home;

    /** Skipped on a laptop without Chromium or npm; CI has both, so there a missing tool fails the test. */
    static boolean toolsInstalledOrCi() {
        return System.getenv("CI") != null || Chromium.installedOrCi() && Files.isRegularFile(VNU) && Files.isRegularFile(AXE);
    }

    @BeforeEach
    void publishOneOfEach() {
        if (pages == null) {
            pages = OneOfEach.publish();
        }
    }

    @Test
    void everyPageTypeIsValidHtml() throws Exception {
        Path dir = Files.createTempDirectory("herald-vnu");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = dir.resolve(page.getKey() + ".html");
            Files.write(file, given().get(page.getValue()).asByteArray());
            files.add(file.toString());
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", VNU.toString(), "--format", "json", "--stdout", "--exit-zero-always"));
        command.addAll(files);
        Process vnu = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(vnu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, vnu.waitFor(), report);

        List<String> errors = new ArrayList<>();
        for (JsonNode message : JSON.readTree(report).path("messages")) {
            if (!message.path("type").asText().equals("info")) {
                errors.add(Path.of(message.path("url").asText()).getFileName() + ":" + message.path("lastLine").asText()
                        + " " + message.path("message").asText() + " [" + message.path("extract").asText() + "]");
            }
        }
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    @Test
    void everyPageTypePassesAxeOnAPhoneAndADesktopLightAndDark() throws IOException {
        String axe = Files.readString(AXE);
        List<String> violations = new ArrayList<>();
        ChromeDriver browser = Chromium.start();
        try {
            // a phone in the light and a desktop in the dark: both layouts and both colour schemes, in half the runs
            for (Map.Entry<Dimension, Boolean> setting : Map.of(Chromium.PHONE, false, Chromium.DESKTOP, true).entrySet()) {
                String where = setting.getKey().width + "px, " + (setting.getValue() ? "dark" : "light");
                browser.manage().window().setSize(setting.getKey());
                Chromium.colourScheme(browser, setting.getValue());
                for (Map.Entry<String, String> page : withFeeds().entrySet()) {
                    browser.get(home.toString().replaceAll("/$", "") + page.getValue());
                    browser.executeScript(axe);
                    String found = (String) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                            // Chromium puts its own banner about XSLT's deprecation on the feeds: not Herald's markup
                            + " axe.run({exclude: [['xslt-warning-banner']]}, {resultTypes: ['violations']})"
                            + ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error',"
                            + " impact: 'critical', help: String(e), nodes: []}])));");
                    for (JsonNode violation : JSON.readTree(found)) {
                        String impact = violation.path("impact").asText();
                        if (impact.equals("serious") || impact.equals("critical")) {
                            List<String> targets = new ArrayList<>();
                            violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                            violations.add(page.getKey() + " (" + where + "): " + violation.path("id").asText() + " "
                                    + impact + ": " + violation.path("help").asText() + " " + targets);
                        }
                    }
                }
            }
            // the first Tab shows the skip link, which leads past the header
            browser.get(home.toString());
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement skip = browser.switchTo().activeElement();
            assertEquals("Skip to the content", skip.getText());
            assertTrue(skip.isDisplayed() && skip.getRect().getX() >= 0, "the focused skip link is on screen");
            assertEquals("#main", skip.getDomAttribute("href"));
        } finally {
            browser.quit();
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    /** The pages and, for the browser only, the feeds as feed.xsl shows them (their bytes are XML, not HTML). */
    static Map<String, String> withFeeds() {
        Map<String, String> all = new LinkedHashMap<>(pages);
        all.put("atom-feed", "/feeds/atom.xml");
        all.put("rss-feed", "/feeds/rss.xml");
        return all;
    }

    /** Content that exercises every part of every page: headings in a report, a table, code, an event with all it has. */
    static final class OneOfEach {

        static Map<String, String> publish() {
            String key = UUID.randomUUID().toString().substring(0, 8);
            UUID personId = UUID.randomUUID();
            UUID erasedId = UUID.randomUUID();
            UUID eventId = UUID.randomUUID();
            ObjectNode author = AttendeesEvents.person(personId, "checked-" + key, "Łukasz Langa");
            author.put("bio", "Python core developer & release manager.").put("github", "ambv")
                    .put("website", "https://lukasz.langa.pl");
            ObjectNode event = AttendeesEvents.event(eventId, "checked-sprint-" + key, "Checked Sprint " + key, "sprint",
                    "1994-09-09", "1994-09-13").put("description", "A week of work.").put("venue", "Meta").put("city", "Bellevue");
            event.putArray("links").addObject().put("title", "Notes").put("url", "https://example.org/notes");
            ((ObjectNode) event.get("participants")).putArray("organiser").addObject().put("id", personId.toString())
                    .put("slug", "checked-" + key).put("name", "Łukasz Langa").putArray("roles").add("organiser");
            ObjectNode mentorship = event.putArray("mentorships").addObject().put("id", UUID.randomUUID().toString())
                    .put("remote", false);
            mentorship.putObject("mentor").put("id", UUID.randomUUID().toString()).put("slug", "m").put("name", "Mentor");
            mentorship.putObject("mentee").put("id", UUID.randomUUID().toString()).put("slug", "n").put("name", "Mentee");
            event.putArray("sponsors").addObject().put("id", UUID.randomUUID().toString()).put("kind", "venue")
                    .putObject("organisation").put("id", UUID.randomUUID().toString()).put("slug", "meta")
                    .put("name", "Meta").put("kind", "company").put("url", "https://example.org");
            ObjectNode talk = event.putArray("talks").addObject().put("id", UUID.randomUUID().toString())
                    .put("title", "Faster CPython").put("kind", "talk");
            talk.putArray("speakers").addObject().put("id", UUID.randomUUID().toString()).put("slug", "mark")
                    .put("name", "Mark Shannon");

            ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, "checked-" + key, "The checked sprint " + key,
                    "1994-10-01T10:00:00Z");
            // headings as imported posts have them: starting at h1 or h3, whatever the page's own h1
            report.put("html", "<h1>Day one</h1><p>We met.</p><h3>Morning</h3><p>Work on <code>asyncio</code>.</p>"
                    + "<table><thead><tr><th>Who</th><th>What</th></tr></thead><tbody><tr><td>Ł.</td><td>PEP 8</td></tr>"
                    + "</tbody></table><pre><code>print(\"hi\")</code></pre><h2>Day two</h2>"
                    + "<p><img src=\"/assets/checked/photo.jpeg\" alt=\"The room\"></p><ul><li>one</li></ul>");
            report.putArray("tags").add("checked-" + key).add("sprint");
            report.putObject("author").put("name", "Łukasz Langa").put("slug", "checked-" + key);
            report.putObject("event").put("slug", "checked-sprint-" + key);
            ObjectNode gone = ReportEvents.report(UUID.randomUUID(), 1, "gone-" + key, "By someone erased " + key,
                    "1994-10-02T10:00:00Z");
            gone.putObject("author").put("name", "Erased Person").put("slug", "erased-" + key);

            try (AttendeesEvents attendees = new AttendeesEvents(); ReportEvents reports = new ReportEvents()) {
                attendees.send(AttendeesEvents.PERSON_CREATED, personId, author);
                attendees.send(AttendeesEvents.PERSON_CREATED, erasedId, AttendeesEvents.person(erasedId, "erased-" + key,
                        "Erased Person"));
                attendees.send(AttendeesEvents.EVENT_CREATED, eventId, event);
                reports.send(ReportEvents.PUBLISHED, report);
                reports.send(ReportEvents.PUBLISHED, gone);
                attendees.send(AttendeesEvents.PERSON_ERASED, erasedId, AttendeesEvents.erasure(erasedId));
            }
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("home", "/");
            pages.put("report", "/1994/10/checked-" + key);
            pages.put("author", "/authors/checked-" + key);
            pages.put("event", "/events/checked-sprint-" + key);
            pages.put("tag", "/tags/checked-" + key);
            pages.put("year", "/1994");
            pages.put("tags", "/tags");
            pages.put("search", "/search?q=checked+sprint+" + key);
            pages.put("search-form", "/search");
            pages.put("not-found", "/no/such/page");
            pages.put("gone", "/authors/erased-" + key);
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get(pages.get("report")).asString().contains("Mentorships")
                    && given().get(pages.get("gone")).statusCode() == 410);
            return pages;
        }
    }
}
