package dev.herald.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ComposeFileTest {

    /** CI must run the real validator; a developer without it is told how to get it. */
    static void requireDockerCompose() {
        if (ComposeCli.installed()) {
            return;
        }
        String install = "apt-get install -y --no-install-recommends docker-compose";
        if ("true".equals(System.getenv("CI"))) {
            fail("docker-compose is not installed; CI must run: " + install);
        }
        Assumptions.abort("docker-compose is not installed (" + install + ")");
    }

    @Test
    void dockerComposeAcceptsTheFile() {
        requireDockerCompose();
        ComposeCli.Result result = ComposeCli.configQuiet(Repo.root().resolve("docker-compose.yml"), Repo.root());
        assertTrue(result.valid(), result.output());
    }

    @Test
    void composeAgreesWithTheServices() {
        assertEquals(List.of(), ComposeChecker.check(Repo.root(), Repo.root().resolve("docker-compose.yml")));
    }

    @Test
    void dockerfilesFollowQuarkusLayoutAndRunAsNonRoot() {
        assertEquals(List.of(), DockerfileChecker.check(Repo.root()));
    }
}
