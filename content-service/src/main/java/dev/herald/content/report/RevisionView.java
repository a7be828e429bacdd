package dev.herald.content.report;

import java.time.Instant;

public record RevisionView(int revision, String title, String contentHash, Instant createdAt) {
}
