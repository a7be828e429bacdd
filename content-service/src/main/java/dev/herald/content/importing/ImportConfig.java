package dev.herald.content.importing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds of an import, checked while the request is read (never after reading it whole); the one that is hit is
 * named in a 413 problem. Documented in the module README.
 */
@ConfigMapping(prefix = "herald.import")
public interface ImportConfig {

    /** Longest report document (front matter and body) accepted, in characters. */
    @WithDefault("1000000")
    int maxDocumentChars();

    /** Largest request body: a document, a form or a zip as sent. */
    @WithDefault("33554432")
    long maxRequestBytes();

    /** Most entries (files and folders) a zip may hold. */
    @WithDefault("2000")
    int maxEntries();

    /** Largest single file once unpacked: a document or an image. */
    @WithDefault("10485760")
    long maxEntryBytes();

    /** Most bytes all the entries of a zip may expand to. */
    @WithDefault("134217728")
    long maxExpandedBytes();

    /** Most bytes a zip may expand to per byte read, once it expanded past a first mebibyte: against zip bombs. */
    @WithDefault("100")
    int maxExpansionRatio();

    /** Longest image file name. */
    @WithDefault("100")
    int maxFileNameChars();
}
