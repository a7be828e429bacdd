package dev.herald.feed.feeds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Compresses a rendered document once, so that every gzip request is served the same bytes under the same tag. */
final class Gzip {

    private Gzip() {
    }

    static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
        // the JDK writes no timestamp or file name in the header: the same input always gives the same bytes
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                // paid once per change, saved on every poll
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
