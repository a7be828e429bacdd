package dev.herald.content.asset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The media type of an image from its first bytes, never from its name or the uploader's word. What looks like
 * XML with an {@code <svg} element near the start is an SVG candidate: {@link SvgSanitizer} decides, since SVG can
 * carry script.
 */
public final class ImageTypes {

    private static final int SVG_HEAD_BYTES = 4096;

    private ImageTypes() {
    }

    public static Optional<String> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"))) {
            return Optional.of("image/gif");
        }
        if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
            return Optional.of("image/webp");
        }
        if (startsWith(bytes, 4, ascii("ftypavif"))) {
            return Optional.of("image/avif");
        }
        if (looksLikeSvg(bytes)) {
            return Optional.of(SvgSanitizer.MEDIA_TYPE);
        }
        return Optional.empty();
    }

    private static boolean looksLikeSvg(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SVG_HEAD_BYTES), StandardCharsets.UTF_8);
        String start = head.startsWith("\uFEFF") ? head.substring(1).stripLeading() : head.stripLeading();
        return start.startsWith("<") && head.contains("<svg");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
