package dev.herald.manifests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Everything checked about one Kustomize overlay, as a list of problems (empty when the overlay is sound). */
final class KubernetesChecker {

    private KubernetesChecker() {
    }

    static List<String> check(Path repo, String overlay, Set<String> externalSecrets) {
        List<String> problems = new ArrayList<>();
        List<ObjectNode> manifests;
        try {
            manifests = KustomizeBuild.build(repo.resolve("deploy/k8s/overlays").resolve(overlay));
        } catch (RuntimeException e) {
            problems.add("assembly failed: " + e.getMessage());
            return problems;
        }
        Assembly assembly = Assembly.parse(manifests, problems);
        run("required fields", () -> WorkloadChecks.check(assembly, problems), problems);
        run("references", () -> ReferenceChecks.check(assembly, externalSecrets, problems), problems);
        run("service wiring", () -> ServiceWiringChecks.check(assembly, repo, problems), problems);
        run("management ports", () -> ManagementPortChecks.check(assembly, repo, problems), problems);
        run("public assets", () -> PublicAssetChecks.check(assembly, repo, problems), problems);
        run("Kafka and PostgreSQL", () -> PlatformChecks.check(assembly, repo, externalSecrets, problems), problems);
        return problems;
    }

    // a manifest missing a whole section can stop a check midway: report it as a problem, not as a crash
    private static void run(String stage, Runnable check, List<String> problems) {
        try {
            check.run();
        } catch (RuntimeException e) {
            problems.add(stage + " check stopped on a missing or malformed section: " + e);
        }
    }
}
