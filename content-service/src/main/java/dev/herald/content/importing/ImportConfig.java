package dev.herald.content.importing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "herald.import")
public interface ImportConfig {

    /** Longest report document (front matter and body) accepted. */
    @WithDefault("1000000")
    int maxDocumentChars();

    /** Largest single asset accepted. */
    @WithDefault("10485760")
    long maxAssetBytes();

    /** Most bytes a zip may expand to, against zip bombs. */
    @WithDefault("209715200")
    long maxUnzippedBytes();
}
