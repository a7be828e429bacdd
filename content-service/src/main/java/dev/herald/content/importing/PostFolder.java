package dev.herald.content.importing;

import java.util.Map;

/** One post of an upload: its slug (the folder name), its index.md and the files beside it. */
public record PostFolder(String slug, String document, Map<String, byte[]> files) {
}
