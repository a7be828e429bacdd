package dev.herald.feed;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import com.fasterxml.jackson.databind.node.ObjectNode;

class EventContractTest {

    @Test
    void theTestFixturesMatchContentServicesSchemas() {
        UUID id = UUID.randomUUID();
        EventContract.assertMatches("reports", ReportEvents.PUBLISHED, ReportEvents.report(id, 1, "a", "A", "2019-10-30"));
        EventContract.assertMatches("reports", ReportEvents.UPDATED, ReportEvents.report(id, 2, "a", "A", "2019-10-30T09:00:00Z"));
        EventContract.assertMatches("reports", ReportEvents.UNPUBLISHED, ReportEvents.unpublished(id, 3, "a"));
    }

    @Test
    void anEventThatBreaksTheContractIsCaught() {
        ObjectNode withoutHtml = ReportEvents.report(UUID.randomUUID(), 1, "a", "A", "2019-10-30");
        withoutHtml.remove("html");
        assertThrows(AssertionFailedError.class, () -> EventContract.assertMatches("reports", ReportEvents.PUBLISHED, withoutHtml));
        ObjectNode textRevision = ReportEvents.report(UUID.randomUUID(), 1, "a", "A", "2019-10-30").put("revision", "one");
        assertThrows(AssertionFailedError.class, () -> EventContract.assertMatches("reports", ReportEvents.PUBLISHED, textRevision));
    }
}
