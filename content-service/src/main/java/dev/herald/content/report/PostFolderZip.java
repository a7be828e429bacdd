package dev.herald.content.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.herald.content.asset.Asset;
import dev.herald.content.document.FileNames;

/**
 * A report as the corpus lays it out, {@code <slug>/index.md} (or {@code index.mdx}) with its images beside it, so
 * the zip imports again. An asset whose name could leave the folder (stored before names were checked) is left out.
 */
final class PostFolderZip {

    private static final int MAX_NAME_CHARS = 255;

    private PostFolderZip() {
    }

    static byte[] write(String slug, String documentName, String document, List<Asset> assets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(slug + "/" + documentName));
            zip.write(document.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Asset asset : assets) {
                if (FileNames.problem(asset.name, MAX_NAME_CHARS).isPresent()) {
                    continue;
                }
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
