package dev.herald.feed.avatars;

import java.util.Arrays;
import java.util.Optional;

/**
 * The raster formats an avatar may be in, told by their signatures: a source that answers HTML, SVG (which can carry
 * script) or anything else is not served from Herald's origin.
 */
enum ImageType {
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
    GIF("image/gif", new byte[] {'G', 'I', 'F', '8'}),
    WEBP("image/webp", new byte[] {'R', 'I', 'F', 'F'});

    private static final byte[] WEBP_FORM = {'W', 'E', 'B', 'P'};

    final String mediaType;
    private final byte[] signature;

    ImageType(String mediaType, byte[] signature) {
        this.mediaType = mediaType;
        this.signature = signature;
    }

    static Optional<ImageType> of(byte[] bytes) {
        for (ImageType type : values()) {
            if (type.starts(bytes)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private boolean starts(byte[] bytes) {
        if (bytes.length < Math.max(signature.length, 12)
                || !Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length)) {
            return false;
        }
        // RIFF is a container: only its WEBP form is an image
        return this != WEBP || Arrays.equals(bytes, 8, 12, WEBP_FORM, 0, 4);
    }
}
