package dev.herald.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check is run on a copy of the repository with one mistake in it, and must report exactly that mistake. */
class CheckerCatchesMistakesTest {

    @TempDir
    Path copy;

    private MutatedCopy mutate() {
        return MutatedCopy.of(Repo.root(), copy);
    }

    private static void assertReported(List<String> problems, String expected) {
        assertFalse(problems.isEmpty(), "the mistake went unnoticed");
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected a problem about '" + expected + "', got " + problems);
    }

    private static List<String> checkOverlay(MutatedCopy copy, String overlay) {
        return KubernetesChecker.check(copy.root(), overlay, Repo.externalSecrets(overlay));
    }

    @Test
    void unmutatedCopyPasses() {
        assertEquals(List.of(), checkOverlay(mutate(), "prod"));
    }

    @Test
    void typoInABuiltInField() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/content-service.yaml", "readOnlyRootFilesystem:", "readOnlyRootFileSystem:");
        assertReported(checkOverlay(mutated, "dev"), "unknown field spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem");
    }

    @Test
    void typoInAnOverlayPatch() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/overlays/dev/scale.yaml", "maxReplicas:", "maxReplica:");
        assertReported(checkOverlay(mutated, "dev"), "unknown field spec.maxReplica");
    }

    @Test
    void wrongTypeInABuiltInField() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/attendees-service.yaml", "replicas: 1", "replicas: one");
        assertReported(checkOverlay(mutated, "prod"), "apps/v1 Deployment attendees-service");
    }

    @Test
    void typoInAStrimziField() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/kafka.yaml", "  partitions: 3", "  partition: 3");
        assertReported(checkOverlay(mutated, "prod"), "unknown field spec.partition");
    }

    @Test
    void wrongTypeInAStrimziField() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/kafka.yaml", "partitions: 3", "partitions: three");
        assertReported(checkOverlay(mutated, "prod"), "spec.partitions: string found, integer expected");
    }

    @Test
    void valueOutsideACloudNativePgEnum() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/postgres.yaml", "ensure: present", "ensure: there");
        assertReported(checkOverlay(mutated, "prod"), "spec.managed.roles[0].ensure: does not have a value in the enumeration");
    }

    @Test
    void typoInACloudNativePgField() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/postgres.yaml", "passwordSecret:", "passwordSecrets:");
        assertReported(checkOverlay(mutated, "prod"), "unknown field spec.managed.roles[0].passwordSecrets");
    }

    @Test
    void missingRequiredCustomResourceField() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/kafka.yaml", "  roles:\n    - controller\n    - broker\n", "");
        assertReported(checkOverlay(mutated, "prod"), "missing required field spec.roles");
    }

    @Test
    void wrongProbePath() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/attendees-service.yaml", "path: /q/health/ready", "path: /q/health/readiness");
        assertReported(checkOverlay(mutated, "prod"), "readinessProbe path /q/health/readiness is not served by attendees-service");
    }

    @Test
    void wrongProbePort() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/feed-service.yaml", "containerPort: 8080", "containerPort: 8081");
        assertReported(checkOverlay(mutated, "prod"), "no container port 8080");
    }

    @Test
    void wrongTopicName() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/kafka.yaml", "name: reports.events", "name: report.events");
        assertReported(checkOverlay(mutated, "prod"), "KafkaTopics");
    }

    @Test
    void wrongDatabaseName() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/postgres.yaml", "name: feed\n  owner: feed", "name: feeds\n  owner: feed");
        assertReported(checkOverlay(mutated, "prod"), "CloudNativePG databases [attendees, content, feeds]");
    }

    @Test
    void serviceSelectorMatchingNoPod() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/content-service.yaml", "  selector:\n    app.kubernetes.io/name: content-service",
                "  selector:\n    app.kubernetes.io/name: content");
        assertReported(checkOverlay(mutated, "prod"), "Service content-service: selector matches no pod template");
    }

    @Test
    void missingEnvironmentVariable() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/feed-service.yaml", "- name: KAFKA_BOOTSTRAP_SERVERS", "- name: KAFKA_BOOTSTRAP_SERVER");
        assertReported(checkOverlay(mutated, "prod"), "needs env [KAFKA_BOOTSTRAP_SERVERS]");
    }

    @Test
    void overlayPatchForAResourceTheBaseDoesNotHave() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/overlays/prod/ingress.yaml", "metadata:\n  name: feed-service", "metadata:\n  name: feed-servce");
        assertReported(checkOverlay(mutated, "prod"), "assembly failed: kubectl kustomize");
    }

    @Test
    void typoInComposeFieldFailsDockerCompose() {
        ComposeFileTest.requireDockerCompose();
        MutatedCopy mutated = mutate().replace("docker-compose.yml", "    healthcheck:", "    healtcheck:");
        ComposeCli.Result result = ComposeCli.configQuiet(mutated.root().resolve("docker-compose.yml"), mutated.root());
        assertFalse(result.valid());
        assertTrue(result.output().contains("healtcheck"), result.output());
    }

    @Test
    void wrongComposeTopicName() {
        MutatedCopy mutated = mutate().replace("docker-compose.yml", "--topic attendees.events", "--topic attendee.events");
        assertReported(ComposeChecker.check(mutated.root(), mutated.root().resolve("docker-compose.yml")), "kafka-topics creates");
    }

    @Test
    void composeEventTopicThatIsNotCompacted() {
        MutatedCopy mutated = mutate().replace("docker-compose.yml", "--config cleanup.policy=compact", "--config cleanup.policy=delete");
        assertReported(ComposeChecker.check(mutated.root(), mutated.root().resolve("docker-compose.yml")),
                "kafka-topics creates attendees.events with");
    }

    @Test
    void kafkaTopicWhoseRecordLimitDiffersFromTopicSpec() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/kafka.yaml", "max.message.bytes: 4194304", "max.message.bytes: 1048588");
        assertReported(checkOverlay(mutated, "prod"), "config max.message.bytes must be 4194304");
    }

    @Test
    void wrongComposeHealthPath() {
        MutatedCopy mutated = mutate().replace("docker-compose.yml", "GET /q/health/ready", "GET /health/ready");
        assertReported(ComposeChecker.check(mutated.root(), mutated.root().resolve("docker-compose.yml")), "healthcheck must GET /q/health/ready");
    }

    @Test
    void composeDatabaseMissingFromInitScript() {
        MutatedCopy mutated = mutate().replace(ComposeChecker.INIT_SCRIPT, "create content ", "create contents ");
        assertReported(ComposeChecker.check(mutated.root(), mutated.root().resolve("docker-compose.yml")), "creates databases [attendees, contents, feed]");
    }

    @Test
    void dockerfileRunningAsRoot() {
        MutatedCopy mutated = mutate().replace("feed-service/" + DockerfileChecker.DOCKERFILE, "USER 185", "USER root");
        assertReported(DockerfileChecker.check(mutated.root()), "missing 'USER 185'");
    }

    @Test
    void serviceConfigurationChangeIsFollowed() {
        MutatedCopy mutated = mutate().replace("content-service/src/main/resources/application.properties",
                "quarkus.http.port=8082", "quarkus.http.port=8082\nquarkus.smallrye-health.root-path=/health");
        assertReported(checkOverlay(mutated, "prod"), "(expected /health/ready)");
    }

    @Test
    void misspeltKeyInAnOverlayConfigPatch() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/overlays/dev/config.yaml", "HERALD_PUBLIC_BASE_URL:", "HERALD_PUBLIC_BASE_ULR:");
        List<String> problems = checkOverlay(mutated, "dev");
        assertReported(problems, "ConfigMap key herald-config/HERALD_PUBLIC_BASE_ULR is read by no Deployment");
        assertReported(problems, "names a host no Ingress serves");
    }

    @Test
    void missingAssetsRoute() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/overlays/prod/ingress.yaml", "          - path: /assets\n", "          - path: /images\n");
        assertReported(checkOverlay(mutated, "prod"), "Ingress host herald.example.org routes /assets/{id}/{name} to feed-service, not content-service");
    }

    @Test
    void assetUrlOnAnotherHost() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/overlays/dev/config.yaml", "HERALD_CONTENT_PUBLIC_URL: http://herald.localtest.me",
                "HERALD_CONTENT_PUBLIC_URL: http://content.localtest.me");
        assertReported(checkOverlay(mutated, "dev"), "HERALD_CONTENT_PUBLIC_URL 'http://content.localtest.me' names a host no Ingress serves");
    }

    @Test
    void ingressControllerBlockedFromContentService() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/network-policies.yaml", "              kubernetes.io/metadata.name: ingress-nginx\n      ports:\n        - protocol: TCP\n          port: 8082",
                "              kubernetes.io/metadata.name: ingress-nginx\n      ports:\n        - protocol: TCP\n          port: 8081");
        assertReported(checkOverlay(mutated, "prod"), "nothing admits namespace ingress-nginx to content-service on port 8082");
    }

    @Test
    void serviceChannelOnATopicThatDoesNotExist() {
        MutatedCopy mutated = mutate().replace("feed-service/src/main/resources/application.properties",
                "quarkus.http.port=8080", "quarkus.http.port=8080\nmp.messaging.outgoing.notices.topic=herald.notices");
        assertReported(checkOverlay(mutated, "prod"), "feed-service uses topics [herald.notices]");
    }

    @Test
    void probesOnThePublicPort() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/feed-service.yaml",
                "path: /q/health/ready\n              port: management", "path: /q/health/ready\n              port: http");
        assertReported(checkOverlay(mutated, "prod"), "feed-service: readinessProbe port http is not the port serving health, 9000");
    }

    @Test
    void healthOnThePublicPortWhileTheProbesAskTheManagementPort() {
        MutatedCopy mutated = mutate().replace("feed-service/src/main/resources/application.properties",
                "quarkus.http.port=8080", "quarkus.http.port=8080\nquarkus.management.enabled=false");
        assertReported(checkOverlay(mutated, "prod"), "is not the port serving health, 8080");
    }

    @Test
    void ingressRoutesToTheManagementPort() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/feed-service.yaml", "      targetPort: http", "      targetPort: management");
        assertReported(checkOverlay(mutated, "prod"), "Ingress feed-service routes / to the management port 9000 of feed-service");
    }

    @Test
    void managementPortNotDeclared() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/content-service.yaml",
                "            - name: management\n              containerPort: 9000\n", "");
        assertReported(checkOverlay(mutated, "prod"), "Deployment content-service: no container port 9000 (quarkus.management.port)");
    }

    @Test
    void prometheusBlockedFromTheManagementPort() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/network-policies.yaml",
                "              kubernetes.io/metadata.name: monitoring\n      ports:\n        - protocol: TCP\n          port: 9000",
                "              kubernetes.io/metadata.name: monitoring\n      ports:\n        - protocol: TCP\n          port: 8080");
        assertReported(checkOverlay(mutated, "prod"), "nothing admits namespace monitoring to attendees-service on its management port 9000");
    }

    @Test
    void prometheusScrapesThePublicPort() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/components/monitoring/pod-monitor.yaml", "- port: management", "- port: http");
        assertReported(checkOverlay(mutated, "prod"), "no PodMonitor scrapes /q/metrics on the management port 9000 of feed-service");
    }

    @Test
    void podMonitorWithAMisspelledField() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/components/monitoring/pod-monitor.yaml", "      path: /q/metrics", "      metricsPath: /q/metrics");
        assertReported(checkOverlay(mutated, "dev"), "metricsPath");
    }

    @Test
    void invalidObjectName() {
        MutatedCopy mutated = mutate().replace("deploy/k8s/base/network-policies.yaml", "name: services-egress", "name: services_egress");
        assertReported(checkOverlay(mutated, "prod"), "NetworkPolicy services_egress: not a valid object name");
    }
}
