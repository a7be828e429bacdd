package dev.herald.feed;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Production's address policy (no network allowed beyond the public ones) and WebSub rate limit (few requests per
 * client). One profile for every test that needs either, so that Quarkus builds and starts that application once.
 */
public class ProductionPolicies implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("%test.herald.deliveries.allow", "",
                "herald.websub.rate-limit.requests", "1",
                "herald.websub.rate-limit.period", "1h",
                "%test.herald.websub.rate-limit.burst", "4");
    }
}
