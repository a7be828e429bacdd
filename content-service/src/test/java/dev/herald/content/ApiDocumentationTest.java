package dev.herald.content;

import static dev.herald.infra.Management.management;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The problem responses of libs/problem are in this service's OpenAPI document, as in every service's. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ApiDocumentationTest {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Test
    void writesDocumentTheirProblemResponses() {
        JsonPath openApi = management().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertEquals("object", openApi.getString("components.schemas.Problem.type"));
        for (String status : new String[] {"400", "409"}) {
            assertEquals(PROBLEM, openApi.getString(
                    "paths.'/api/reports'.post.responses.'" + status + "'.content.'application/problem+json'.schema.$ref"), status);
        }
        assertTrue(openApi.getMap("paths.'/api/reports'.get.responses").containsKey("400"));
    }
}
