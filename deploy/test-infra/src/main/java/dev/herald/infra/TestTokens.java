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
        return withAudience(Tokens.AUDIENCE, roles);
    }

    /** A token for {@code audience} holding these roles. */
    public static String withAudience(String audience, String... roles) {
        Path keyDirectory = Path.of(ConfigProvider.getConfig().getValue(HeraldTestInfra.SIGNING_KEY_DIR, String.class));
        return new Tokens(SigningKeys.inDirectory(keyDirectory)).issueFor(audience, "test-user", Duration.ofHours(1), roles);
    }
}
