package dev.herald.content.asset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SvgSanitizerTest {

    @Test
    void scriptsHandlersForeignObjectsAndExternalReferencesAreRemoved() throws Exception {
        String clean = new String(SvgSanitizer.sanitize(fixture("hostile.svg")), StandardCharsets.UTF_8);
        for (String gone : new String[] {"<script", "alert", "onload", "onclick", "foreignObject", "iframe", "<image",
                "evil.example", "javascript:", "<set", "@import", "DOCTYPE", "<!--", "<a "}) {
            assertFalse(clean.contains(gone), () -> gone + " left in " + clean);
        }
        assertTrue(clean.contains("<use href=\"#dot\""), clean);
        assertTrue(clean.contains("stroke=\"url(#grad)\""), clean);
        assertTrue(clean.contains(">link text</text>"), "a link's text stays: " + clean);
        assertTrue(clean.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg xmlns=\"http://www.w3.org/2000/svg\""), clean);
        assertArrayEquals(clean.getBytes(StandardCharsets.UTF_8), SvgSanitizer.sanitize(clean.getBytes(StandardCharsets.UTF_8)),
                "sanitising twice changes nothing more");
    }

    @Test
    void aCleanSvgKeepsItsBytes() throws Exception {
        byte[] chart = fixture("mdx-showcase/releases.svg");
        assertArrayEquals(chart, SvgSanitizer.sanitize(chart));
        assertEquals(Optional.of("image/svg+xml"), ImageTypes.sniff(chart));
    }

    @Test
    void whatIsNotAnSvgDocumentIsRefused() {
        for (String bad : new String[] {"<svg onload=alert(1)>", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><svg/></html>",
                "<svg>no namespace</svg>", "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x \"y\">]>"
                        + "<svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\">" + "<g>".repeat(200) + "</g>".repeat(200) + "</svg>"}) {
            assertThrows(SvgSanitizer.InvalidSvgException.class,
                    () -> SvgSanitizer.sanitize(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SvgSanitizerTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }
}
