package dev.herald.feed.webhooks;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The production address policy: no network is allowed beyond the public ones. */
public class ProductionAddresses implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("herald.deliveries.allow", "");
    }
}
