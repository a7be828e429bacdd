package dev.herald.infra;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * REST Assured aimed at the management interface of the service under test ({@code /q/health}, {@code /q/metrics},
 * {@code /q/openapi}, Swagger UI), which listens on a port of its own, not on the public one.
 */
public final class Management {

    private Management() {
    }

    public static RequestSpecification management() {
        return RestAssured.given().baseUri(baseUri());
    }

    /** {@code http://host:port} of the running application's management interface (any free port in tests). */
    public static String baseUri() {
        // Quarkus resolves the test URL to the port the interface actually listens on
        URI managementUrl = URI.create(ConfigProvider.getConfig().getValue("test.management.url", String.class));
        return managementUrl.resolve("/").toString().replaceAll("/$", "");
    }
}
