package dev.herald.feed.feeds;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over the JDK's streaming writer: the XML declaration comes first, text is escaped (never CDATA)
 * and every string is cleaned of characters XML 1.0 forbids before it is written.
 */
final class XmlOut {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    private final XMLStreamWriter xml;

    XmlOut(String stylesheetUrl) {
        try {
            xml = FACTORY.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            if (stylesheetUrl != null) {
                xml.writeProcessingInstruction("xml-stylesheet",
                        "type=\"text/xsl\" href=\"" + XmlText.clean(stylesheetUrl).replace("\"", "%22") + "\"");
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut start(String prefix, String name, String namespace) {
        try {
            xml.writeStartElement(prefix, name, namespace);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut start(String name) {
        try {
            xml.writeStartElement(name);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut namespace(String prefix, String uri) {
        try {
            if (prefix == null) {
                xml.writeDefaultNamespace(uri);
            } else {
                xml.writeNamespace(prefix, uri);
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut attribute(String name, String value) {
        try {
            xml.writeAttribute(name, XmlText.clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut attribute(String prefix, String namespace, String name, String value) {
        try {
            xml.writeAttribute(prefix, namespace, name, XmlText.clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut text(String text) {
        try {
            xml.writeCharacters(XmlText.clean(text));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut end() {
        try {
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element holding only text. */
    XmlOut element(String name, String text) {
        return start(name).text(text).end();
    }

    XmlOut element(String prefix, String name, String namespace, String text) {
        return start(prefix, name, namespace).text(text).end();
    }

    XmlOut empty(String prefix, String name, String namespace) {
        try {
            xml.writeEmptyElement(prefix, name, namespace);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut empty(String name) {
        try {
            xml.writeEmptyElement(name);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] finish() {
        try {
            xml.writeEndDocument();
            xml.close();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
