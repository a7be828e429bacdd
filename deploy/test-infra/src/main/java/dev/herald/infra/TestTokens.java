package dev.herald.infra;

import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;

/** Bearer tokens for tests running under {@link HeraldTestInfra}. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String admin() {
        return withRoles("admin");
    }

    public static String editor() {
        return withRoles("editor");
    }

    /** A token holding exactly these roles; none gives an authenticated caller without any role. */
    public static String withRoles(String... roles) {
        Path keyDirectory = Path.of(ConfigProvider.getConfig().getValue(HeraldTestInfra.SIGNING_KEY_DIR, String.class));
        return new Tokens(SigningKeys.inDirectory(keyDirectory)).issue("test-user", Duration.ofHours(1), roles);
    }
}
