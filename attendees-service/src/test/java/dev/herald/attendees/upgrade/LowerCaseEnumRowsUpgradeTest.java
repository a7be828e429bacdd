package dev.herald.attendees.upgrade;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Rows an earlier release stored with lower-case enum names (schema version 40) read back unchanged through the API
 * after the upgrade, which keeps enum columns in the constants' upper case.
 */
@QuarkusTest
@WithTestResource(LowerCaseEnumRowsUpgradeTest.EarlierRelease.class)
class LowerCaseEnumRowsUpgradeTest {

    public static class EarlierRelease extends HeraldTestInfra {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = super.start();
            String url = config.get("quarkus.datasource.jdbc.url");
            String user = config.get("quarkus.datasource.username");
            String password = config.get("quarkus.datasource.password");
            Flyway.configure().dataSource(url, user, password).target("40").load().migrate();
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement sql = connection.createStatement()) {
                sql.execute("""
                        insert into person (id, slug, name, created_at, updated_at)
                            values ('00000000-0000-0000-0000-000000000001', 'ada', 'Ada', now(), now());
                        insert into organisation (id, slug, name, kind, created_at, updated_at)
                            values ('00000000-0000-0000-0000-000000000002', 'psf', 'PSF', 'foundation', now(), now());
                        insert into event (id, slug, name, kind, start_date, end_date, created_at, updated_at)
                            values ('00000000-0000-0000-0000-000000000003', 'sprint-2019', 'Sprint 2019', 'sprint',
                                    '2019-09-09', '2019-09-13', now(), now());
                        insert into participation (id, event_id, person_id, roles)
                            values ('00000000-0000-0000-0000-000000000004', '00000000-0000-0000-0000-000000000003',
                                    '00000000-0000-0000-0000-000000000001', 'attendee,speaker');
                        insert into sponsorship (id, event_id, organisation_id, kind)
                            values ('00000000-0000-0000-0000-000000000005', '00000000-0000-0000-0000-000000000003',
                                    '00000000-0000-0000-0000-000000000002', 'travel_funding');
                        insert into talk (id, event_id, title, kind)
                            values ('00000000-0000-0000-0000-000000000006', '00000000-0000-0000-0000-000000000003',
                                    'Subinterpreters', 'lightning_talk');
                        """);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return config;
        }
    }

    @Test
    void eventKeepsItsKindRolesSponsorsAndTalks() {
        given().get("/api/events/sprint-2019").then().statusCode(200)
                .body("kind", equalTo("sprint"))
                .body("participants.speaker.slug", contains("ada"))
                .body("participants.attendee.slug", contains("ada"))
                .body("sponsors[0].kind", equalTo("travel_funding"))
                .body("talks[0].kind", equalTo("lightning_talk"));
    }

    @Test
    void filtersFindTheEarlierRows() {
        given().get("/api/organisations?kind=foundation").then().statusCode(200).body("items.slug", contains("psf"));
        given().get("/api/events?kind=SPRINT").then().statusCode(200).body("items.slug", contains("sprint-2019"));
        given().get("/api/events/sprint-2019/participants?role=speaker").then().statusCode(200).body("total", equalTo(1));
        given().get("/api/events/sprint-2019/talks?kind=lightning_talk").then().statusCode(200).body("total", equalTo(1));
    }
}
