package dev.herald.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * deploy/observability's Grafana dashboard and Prometheus rules read only meters a service documents in its README,
 * so a renamed meter cannot leave a panel or an alert silently empty.
 */
class ObservabilityTest {

    private static final Path DASHBOARD = Path.of("deploy/observability/grafana-dashboard.json");
    private static final Path RULES = Path.of("deploy/observability/prometheus-rules.yaml");

    @Test
    void theDashboardReadsOnlyDocumentedMeters() throws IOException {
        List<String> expressions = dashboardExpressions(new ObjectMapper().readTree(Repo.root().resolve(DASHBOARD).toFile()));
        assertEquals(Set.of(), undocumented(expressions));
    }

    @Test
    void theDashboardShowsEveryDocumentedMeter() throws IOException {
        Set<String> read = new TreeSet<>();
        dashboardExpressions(new ObjectMapper().readTree(Repo.root().resolve(DASHBOARD).toFile()))
                .forEach(expression -> read.addAll(PromQL.metricNames(expression)));
        Set<String> unshown = new TreeSet<>();
        MeterTables.meters(Repo.root()).forEach((meter, series) -> {
            if (series.stream().noneMatch(read::contains)) {
                unshown.add(meter);
            }
        });
        assertEquals(Set.of(), unshown);
    }

    @Test
    void theAlertsReadOnlyDocumentedMeters() {
        List<String> expressions = ruleExpressions(Yaml.readAll(Repo.root().resolve(RULES)).get(0));
        assertFalse(expressions.isEmpty());
        assertEquals(Set.of(), undocumented(expressions));
    }

    @Test
    void aMeterNoServiceDocumentsIsReported() {
        assertEquals(Set.of("herald_feed_renders_total"),
                undocumented(List.of("sum by (format) (rate(herald_feed_renders_total{format=\"rss\"}[5m])) / 2")));
        assertEquals(Set.of("herald_feed_render_seconds_total"),
                undocumented(List.of("rate(herald_feed_render_seconds_total[5m])")), "a timer has no _total series");
    }

    private static Set<String> undocumented(List<String> expressions) {
        Set<String> documented = MeterTables.series(Repo.root());
        Set<String> unknown = new TreeSet<>();
        expressions.forEach(expression -> PromQL.metricNames(expression).stream()
                .filter(name -> !documented.contains(name)).forEach(unknown::add));
        return unknown;
    }

    // panels may sit in rows, each with its own panels
    private static List<String> dashboardExpressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
            expressions.addAll(dashboardExpressions(panel));
        }
        return expressions;
    }

    private static List<String> ruleExpressions(JsonNode rule) {
        List<String> expressions = new ArrayList<>();
        for (JsonNode group : rule.path("spec").path("groups")) {
            group.path("rules").forEach(r -> expressions.add(r.path("expr").asText()));
        }
        return expressions;
    }
}
