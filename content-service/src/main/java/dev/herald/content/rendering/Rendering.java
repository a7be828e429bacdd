package dev.herald.content.rendering;

import java.util.List;

/**
 * A rendered report: sanitised HTML, a plain-text summary, the asset names the body uses and the relative images it
 * references that no asset provides, and what the source held that the HTML cannot (MDX imports, components).
 */
public record Rendering(String html, String summary, List<String> usedAssets, List<String> missingImages,
        List<String> warnings) {
}
