package dev.herald.content.asset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Cleans an SVG image with a strict allow-list: shapes, text, gradients, patterns, markers, clip paths, masks, simple
 * filters and CSS are kept; scripts, event handlers, {@code foreignObject}, animation, {@code image}, links,
 * DOCTYPEs, comments and every reference outside the document ({@code href} or {@code url(...)} not starting with
 * {@code #}) are removed. An image that needed no change keeps its bytes, so a clean SVG round-trips exactly.
 * The XML is read with the JDK's StAX parser, DTDs and external entities off.
 */
public final class SvgSanitizer {

    public static final String MEDIA_TYPE = "image/svg+xml";
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final int MAX_DEPTH = 100;

    private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "title", "desc", "symbol", "use", "switch",
            "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
            "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "marker", "style", "filter",
            "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feMerge", "feMergeNode", "feFlood",
            "feComposite", "feMorphology", "feDropShadow");
    /** Elements dropped but whose content stays: a link's text is still text. */
    private static final Set<String> UNWRAPPED = Set.of("a");
    private static final Set<String> ATTRIBUTES = Set.of("id", "class", "style", "transform", "d", "x", "y", "x1",
            "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "width", "height", "viewBox",
            "preserveAspectRatio", "points", "pathLength", "fill", "fill-opacity", "fill-rule", "stroke",
            "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
            "stroke-dasharray", "stroke-dashoffset", "opacity", "color", "display", "visibility", "overflow",
            "font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch", "text-anchor",
            "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing",
            "text-decoration", "writing-mode", "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset",
            "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod",
            "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits", "marker-start",
            "marker-mid", "marker-end", "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient",
            "patternUnits", "patternContentUnits", "patternTransform", "filter", "filterUnits", "primitiveUnits",
            "stdDeviation", "in", "in2", "result", "mode", "operator", "k1", "k2", "k3", "k4", "values", "type",
            "radius", "flood-color", "flood-opacity", "color-interpolation-filters", "vector-effect",
            "shape-rendering", "text-rendering", "image-rendering", "paint-order", "version", "media", "href");
    private static final Pattern URL = Pattern.compile("(?i)url\\s*\\(\\s*['\"]?\\s*([^'\")\\s]*)");
    private static final Pattern UNSAFE_CSS = Pattern.compile("(?i)@import|expression\\s*\\(|javascript:|behavior\\s*:|-moz-binding|</");

    private enum Kept {
        ALL, CONTENT, NOTHING
    }

    private SvgSanitizer() {
    }

    /** The SVG is not well-formed or not an SVG document at all. */
    public static final class InvalidSvgException extends Exception {
        InvalidSvgException(String message) {
            super(message);
        }
    }

    public static byte[] sanitize(byte[] svg) throws InvalidSvgException {
        XMLInputFactory inputs = XMLInputFactory.newDefaultFactory();
        inputs.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputs.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        inputs.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        inputs.setProperty(XMLInputFactory.IS_COALESCING, true);
        inputs.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        ByteArrayOutputStream out = new ByteArrayOutputStream(svg.length);
        boolean changed = false;
        try {
            XMLStreamReader in = inputs.createXMLStreamReader(new ByteArrayInputStream(svg));
            XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            Deque<Kept> open = new ArrayDeque<>();
            int skipping = 0;
            boolean root = true;
            boolean inStyle = false;
            while (in.hasNext()) {
                int event = in.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = in.getLocalName();
                        if (root) {
                            if (!SVG.equals(in.getNamespaceURI()) || !"svg".equals(name)) {
                                throw new InvalidSvgException("its root element is not <svg xmlns=\"" + SVG + "\">");
                            }
                            root = false;
                        }
                        if (open.size() >= MAX_DEPTH) {
                            throw new InvalidSvgException("it nests elements deeper than " + MAX_DEPTH);
                        }
                        if (skipping > 0 || !SVG.equals(in.getNamespaceURI()) || !ELEMENTS.contains(name)) {
                            changed = true;
                            if (skipping == 0 && SVG.equals(in.getNamespaceURI()) && UNWRAPPED.contains(name)) {
                                open.push(Kept.CONTENT);
                            } else {
                                skipping++;
                                open.push(Kept.NOTHING);
                            }
                            continue;
                        }
                        open.push(Kept.ALL);
                        writer.writeStartElement("", name, SVG);
                        if (open.size() == 1) {
                            writer.writeDefaultNamespace(SVG);
                            writer.writeNamespace("xlink", XLINK);
                        }
                        changed |= writeAttributes(in, writer);
                        inStyle = "style".equals(name);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Kept kept = open.pop();
                        if (kept == Kept.ALL) {
                            writer.writeEndElement();
                        } else if (kept == Kept.NOTHING) {
                            skipping--;
                        }
                        inStyle = false;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (skipping > 0) {
                            continue;
                        }
                        String text = in.getText();
                        if (inStyle && !safeCss(text)) {
                            changed = true;
                            continue;
                        }
                        if (!open.isEmpty()) {
                            writer.writeCharacters(text);
                        }
                    }
                    case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.DTD,
                            XMLStreamConstants.ENTITY_REFERENCE -> changed = true;
                    default -> {
                    }
                }
            }
            if (root) {
                throw new InvalidSvgException("it holds no <svg> element");
            }
            writer.writeEndDocument();
            writer.close();
            in.close();
        } catch (XMLStreamException e) {
            throw new InvalidSvgException("it is not well-formed XML: " + lastLine(e.getMessage()));
        }
        return changed ? out.toByteArray() : svg;
    }

    /** Writes the allowed attributes; true when one was dropped. */
    private static boolean writeAttributes(XMLStreamReader in, XMLStreamWriter writer) throws XMLStreamException {
        boolean dropped = false;
        for (int i = 0; i < in.getAttributeCount(); i++) {
            String namespace = in.getAttributeNamespace(i);
            String name = in.getAttributeLocalName(i);
            String value = in.getAttributeValue(i);
            boolean plain = namespace == null || namespace.isEmpty();
            if (XLINK.equals(namespace) && "href".equals(name) && value.strip().startsWith("#")) {
                writer.writeAttribute("xlink", XLINK, "href", value);
            } else if (XMLConstants.XML_NS_URI.equals(namespace) && "space".equals(name)) {
                writer.writeAttribute("xml", XMLConstants.XML_NS_URI, "space", value);
            } else if (plain && ATTRIBUTES.contains(name) && safeValue(name, value)) {
                writer.writeAttribute(name, value);
            } else {
                dropped = true;
            }
        }
        return dropped;
    }

    private static boolean safeValue(String name, String value) {
        if ("href".equals(name)) {
            return value.strip().startsWith("#");
        }
        return "style".equals(name) ? safeCss(value) : localUrls(value);
    }

    private static boolean safeCss(String css) {
        return !UNSAFE_CSS.matcher(css).find() && localUrls(css);
    }

    /** Every {@code url(...)} points inside the document. */
    private static boolean localUrls(String value) {
        Matcher url = URL.matcher(value);
        while (url.find()) {
            if (!url.group(1).startsWith("#")) {
                return false;
            }
        }
        return true;
    }

    // the JDK's parser puts the position on the first line and the reason on the last
    private static String lastLine(String message) {
        return message == null ? "" : message.lines().reduce((first, second) -> second).orElse("");
    }
}
