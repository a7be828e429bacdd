package dev.herald.attendees;

import static dev.herald.infra.Management.management;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ApiDocumentationTest {

    @Test
    void everyResourceIsInTheOpenApiDocument() {
        management().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/people"))
                .body("paths", hasKey("/api/people/import"))
                .body("paths", hasKey("/api/people/{slug}/affiliations"))
                .body("paths", hasKey("/api/organisations/{slug}"))
                .body("paths", hasKey("/api/events/{slug}"))
                .body("paths", hasKey("/api/events/{event}/participants/import"))
                .body("paths", hasKey("/api/events/{event}/mentorships/{id}"))
                .body("paths", hasKey("/api/events/{event}/sponsorships/{id}"))
                .body("paths", hasKey("/api/events/{event}/talks/{id}"))
                .body("components.securitySchemes", hasKey("SecurityScheme"));
    }

    @Test
    void aJsonBodyTooLargeIsDocumentedWhereJsonIsTaken() {
        management().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/people'.post.responses.'413'.content", hasKey("application/problem+json"))
                .body("paths.'/api/people'.get.responses", not(hasKey("413")))
                .body("paths.'/api/people/{slug}'.delete.responses", not(hasKey("413")));
    }

    @Test
    void enumsAreListedAsClientsSendAndReadThem() {
        management().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.SponsorshipKind.enum", hasItems("venue", "travel_funding", "ticket_proceeds"))
                .body("components.schemas.Role.enum", hasItems("attendee", "speaker", "remote"))
                .body("components.schemas.EventKind.enum", hasItems("sprint", "summit"))
                .body("paths.'/api/events'.get.parameters.find { it.name == 'kind' }.schema.$ref",
                        equalTo("#/components/schemas/EventKind"));
    }
}
