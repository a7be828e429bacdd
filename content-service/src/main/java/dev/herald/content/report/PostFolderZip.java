package dev.herald.content.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.herald.content.asset.Asset;

/** A report as the corpus lays it out, {@code <slug>/index.md} with its images beside it, so the zip imports again. */
final class PostFolderZip {

    private PostFolderZip() {
    }

    static byte[] write(String slug, String document, List<Asset> assets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(slug + "/index.md"));
            zip.write(document.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Asset asset : assets) {
                zip.putNextEntry(new ZipEntry(slug + "/" + asset.name));
                zip.write(asset.bytes);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
