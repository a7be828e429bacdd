package dev.herald.feed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;

/** What a feed must pass before a reader sees it: RFC 4287 (our RELAX NG schema), a strict parser and ROME. */
public final class FeedChecks {

    private FeedChecks() {
    }

    /** Validates with jing against src/test/resources/atom.rng, written from RFC 4287's requirements. */
    public static void assertValidAtom(byte[] atom) throws Exception {
        List<String> errors = new ArrayList<>();
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap());
        assertTrue(driver.loadSchema(new InputSource(FeedChecks.class.getResource("/atom.rng").toString())));
        boolean valid = driver.validate(new InputSource(new ByteArrayInputStream(atom)));
        assertTrue(valid && errors.isEmpty(), errors + "\n" + new String(atom, StandardCharsets.UTF_8));
    }

    /** Parses as feed readers built on ROME do; lenient, so only a first check. */
    public static SyndFeed rome(byte[] xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(new String(xml, StandardCharsets.UTF_8)));
    }

    /** Parses with the JDK's strict, namespace-aware parser: fails on anything that is not well-formed XML. */
    public static Document wellFormed(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
