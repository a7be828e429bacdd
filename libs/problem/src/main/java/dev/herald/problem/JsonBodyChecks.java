package dev.herald.problem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

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
 * Checks a JSON request body before it is bound: more bytes or tokens than {@link JsonBodyConfig} allows answer 413, as
 * ten megabytes of {@code [[],[],...]} bound to a tree took more heap than a service has; a NUL (U+0000) anywhere answers
 * 400 naming the field, as PostgreSQL stores none in text or jsonb. Only request bodies: events and stored JSON are read
 * by mappers this leaves alone.
 */
@Provider
public class JsonBodyChecks implements ReaderInterceptor {

    public static final String NUL_MESSAGE = "must not contain the character U+0000";

    private static final JsonFactory JSON = new JsonFactory();
    private static final ByteBuf NUL_ESCAPE = Unpooled.unreleasableBuffer(
            Unpooled.wrappedBuffer("\\u0000".getBytes(StandardCharsets.US_ASCII)));

    private final int maxBytes;
    private final int maxTokens;

    public JsonBodyChecks(JsonBodyConfig config) {
        this.maxBytes = (int) Math.min(config.maxBodySize().asLongValue(), Integer.MAX_VALUE - 8);
        this.maxTokens = config.maxTokens();
    }

    /** Whether a Content-Type names JSON: {@code application/json}, {@code application/merge-patch+json; charset=...}. */
    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).trim();
        return type.endsWith("/json") || type.endsWith("+json");
    }

    static String tooLarge(long maxBytes) {
        return "must be at most " + maxBytes + " bytes of JSON";
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!json(String.valueOf(context.getMediaType()))) {
            return context.proceed();
        }
        // read no further than the limit: a body sent without a length is only bounded by quarkus.http.limits
        byte[] body = context.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw ProblemException.tooLarge("body", tooLarge(maxBytes));
        }
        // a token takes at least a byte, and JSON has no raw control characters: a NUL comes only as this escape
        if (body.length > maxTokens || ByteBufUtil.indexOf(NUL_ESCAPE, Unpooled.wrappedBuffer(body)) >= 0) {
            scan(body);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private void scan(byte[] body) throws IOException {
        int tokens = 0;
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (++tokens > maxTokens) {
                    throw ProblemException.tooLarge("body", "must hold at most " + maxTokens + " JSON tokens");
                }
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && parser.getText().indexOf('\0') >= 0) {
                    JsonStreamContext at = parser.getParsingContext();
                    throw ProblemException.invalid(field(token == JsonToken.FIELD_NAME ? at.getParent() : at), NUL_MESSAGE);
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
