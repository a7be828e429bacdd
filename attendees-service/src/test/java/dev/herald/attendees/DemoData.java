package dev.herald.attendees;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.herald.infra.TestTokens;
import io.restassured.response.ValidatableResponse;

/** Loads the demo data through the API exactly as {@code ./herald up} does; 409 means "already there". */
public final class DemoData {

    public static final String SPRINT = "cpython-core-developer-sprint-2019";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoData() {
    }

    public static ValidatableResponse loadAuthors() {
        return post("/api/people/import", read("demo/authors.json")).statusCode(200);
    }

    public static void loadSprint() {
        loadAuthors();
        for (JsonNode organisation : json("demo/organisations.json")) {
            post("/api/organisations", organisation.toString()).statusCode(oneOf(201, 409));
        }
        String dir = "demo/" + SPRINT + "/";
        post("/api/events", read(dir + "event.json")).statusCode(oneOf(201, 409));
        post("/api/events/" + SPRINT + "/participants/import", read(dir + "participants.json")).statusCode(200);
        for (String part : new String[] {"mentorships", "sponsorships", "talks"}) {
            for (JsonNode item : json(dir + part + ".json")) {
                post("/api/events/" + SPRINT + "/" + part, item.toString()).statusCode(oneOf(201, 409));
            }
        }
    }

    public static String read(String resource) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String resource) {
        try {
            return JSON.readTree(read(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ValidatableResponse post(String path, String body) {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json; charset=UTF-8").body(body)
                .post(path).then().log().ifValidationFails();
    }
}
