package dev.herald.content.importing;

/** A zip entry that was not imported, and why: nothing in an archive is left out without a word. */
public record SkippedEntry(String entry, String reason) {
}
