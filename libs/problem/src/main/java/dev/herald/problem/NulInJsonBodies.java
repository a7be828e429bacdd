package dev.herald.problem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * Refuses a NUL (U+0000) anywhere in a JSON request body with a 400 naming the field: PostgreSQL stores none in text
 * or jsonb, and a write holding one failed there as a 500. Only request bodies: events and stored JSON are read by
 * mappers this leaves alone.
 */
@Provider
public class NulInJsonBodies implements ReaderInterceptor {

    public static final String MESSAGE = "must not contain the character U+0000";

    private static final JsonFactory JSON = new JsonFactory();
    private static final ByteBuf NUL_ESCAPE = Unpooled.unreleasableBuffer(
            Unpooled.wrappedBuffer("\\u0000".getBytes(StandardCharsets.US_ASCII)));

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        // JSON has no raw control characters: a NUL comes only as this escape; searched in place, as a body may be large
        if (ByteBufUtil.indexOf(NUL_ESCAPE, Unpooled.wrappedBuffer(body)) >= 0) {
            rejectNul(body);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static void rejectNul(byte[] body) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && parser.getText().indexOf('\0') >= 0) {
                    JsonStreamContext at = parser.getParsingContext();
                    throw ProblemException.invalid(field(token == JsonToken.FIELD_NAME ? at.getParent() : at), MESSAGE);
                }
            }
        } catch (JsonProcessingException malformed) {
            // the body reader answers what is not JSON, naming where
        }
    }

    /** The field as ProblemMappers names one: {@code tags[1]}, {@code links.home}; the body itself at the top. */
    private static String field(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.push("[" + at.getCurrentIndex() + "]");
            } else if (at.getCurrentName() != null) {
                parts.push("." + at.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }
}
