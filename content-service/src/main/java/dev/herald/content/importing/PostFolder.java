package dev.herald.content.importing;

import java.util.Map;

import dev.herald.content.report.ReportFormat;

/** One post of an upload: its slug (the folder name, or null), its document as sent and the files beside it. */
public record PostFolder(String slug, ReportFormat format, byte[] document, Map<String, byte[]> files) {
}
