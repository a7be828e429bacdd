package dev.herald.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the demo data through the public write APIs, as an editor or admin would. Every call is idempotent or
 * answers 409 when the thing is already there, so loading on every start changes nothing the second time.
 */
final class DemoData {

    static final String SPRINT = "cpython-core-developer-sprint-2019";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> CREATED_OR_THERE = Set.of(200, 201, 409);

    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalStack stack;

    DemoData(LocalStack stack) {
        this.stack = stack;
    }

    /** A service's part of the demo data, once it is ready; feed-service has none of its own. */
    void load(ServiceSpec service) {
        if (service.equals(ServiceSpec.ATTENDEES)) {
            loadPeopleAndTheSprint();
        } else if (service.equals(ServiceSpec.CONTENT)) {
            publishTheSprintReport();
        }
    }

    /**
     * Its front matter says {@code published: true}, so importing it publishes it; a re-import is unchanged. Its author
     * links to the person whenever content-service's directory has them from attendees-service, before or after.
     */
    private void publishTheSprintReport() {
        Path report = stack.config().home().resolve("content-service/src/main/resources/demo/" + SPRINT + "/index.md");
        post(ServiceSpec.CONTENT, "/api/reports/import", "text/markdown; charset=UTF-8", read(report),
                stack.token("editor", Duration.ofMinutes(10)));
    }

    /** The 27 report authors, the organisations and the 2019 core developer sprint with everyone who took part. */
    private void loadPeopleAndTheSprint() {
        ServiceSpec attendees = ServiceSpec.ATTENDEES;
        Path demo = stack.config().home().resolve("attendees-service/src/main/resources/demo");
        String admin = stack.token("admin", Duration.ofMinutes(10));
        postJson(attendees, "/api/people/import", read(demo.resolve("authors.json")), admin);
        for (JsonNode organisation : json(demo.resolve("organisations.json"))) {
            postJson(attendees, "/api/organisations", organisation.toString(), admin);
        }
        Path sprint = demo.resolve(SPRINT);
        postJson(attendees, "/api/events", read(sprint.resolve("event.json")), admin);
        postJson(attendees, "/api/events/" + SPRINT + "/participants/import", read(sprint.resolve("participants.json")), admin);
        for (String part : new String[] {"mentorships", "sponsorships", "talks"}) {
            for (JsonNode item : json(sprint.resolve(part + ".json"))) {
                postJson(attendees, "/api/events/" + SPRINT + "/" + part, item.toString(), admin);
            }
        }
    }

    private void postJson(ServiceSpec service, String path, String body, String token) {
        post(service, path, "application/json; charset=UTF-8", body, token);
    }

    private void post(ServiceSpec service, String path, String contentType, String body, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.config().baseUrl(service) + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (!CREATED_OR_THERE.contains(response.statusCode())) {
                throw new IllegalStateException("Demo data: POST " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Demo data: POST " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo data missing: " + file, e);
        }
    }

    private static JsonNode json(Path file) {
        try {
            return JSON.readTree(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Demo data unreadable: " + file, e);
        }
    }
}
