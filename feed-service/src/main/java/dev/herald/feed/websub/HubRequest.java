package dev.herald.feed.websub;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import dev.herald.problem.FieldError;
import dev.herald.problem.ProblemException;

/**
 * A subscriber's request to the hub (WebSub 5.1), read from its form body: {@code hub.mode}, {@code hub.callback},
 * {@code hub.topic}, optional {@code hub.lease_seconds} and {@code hub.secret}. Whether the topic is one Herald
 * serves is not decided here: the hub answers that with a denial, as the specification has it.
 */
record HubRequest(Mode mode, String callback, String topic, OptionalLong leaseSeconds, String secret) {

    static final String FORM = "application/x-www-form-urlencoded";
    // the specification's bound (5.1)
    static final int MAX_SECRET_BYTES = 199;
    static final int MAX_URL_LENGTH = 2000;

    enum Mode {
        SUBSCRIBE, UNSUBSCRIBE;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reads and checks every field; a bad request fails with a problem naming each field at fault. */
    static HubRequest parse(String contentType, String body) {
        if (contentType == null || !contentType.split(";")[0].trim().equalsIgnoreCase(FORM)) {
            throw ProblemException.invalid("Content-Type", "must be " + FORM);
        }
        Map<String, String> form = form(body == null ? "" : body);
        List<FieldError> errors = new ArrayList<>();
        Mode mode = mode(form.get("hub.mode"), errors);
        String callback = url("hub.callback", form.get("hub.callback"), errors);
        String topic = url("hub.topic", form.get("hub.topic"), errors);
        OptionalLong lease = lease(form.get("hub.lease_seconds"), errors);
        String secret = blankToNull(form.get("hub.secret"));
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
            errors.add(new FieldError("hub.secret", "must be less than 200 bytes"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new HubRequest(mode, callback, topic, lease, secret);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (form.putIfAbsent(name, value) != null && name.startsWith("hub.")) {
                    throw ProblemException.invalid(name, "must be given once");
                }
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("body", "is not valid form encoding");
            }
        }
        return form;
    }

    private static Mode mode(String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError("hub.mode", "is required"));
            return null;
        }
        return switch (value) {
            case "subscribe" -> Mode.SUBSCRIBE;
            case "unsubscribe" -> Mode.UNSUBSCRIBE;
            default -> {
                errors.add(new FieldError("hub.mode", "must be subscribe or unsubscribe"));
                yield null;
            }
        };
    }

    /** An absolute http(s) URL with a host and no fragment (the hub appends its query parameters to a callback). */
    private static String url(String field, String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (value.length() > MAX_URL_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_URL_LENGTH + " characters"));
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                errors.add(new FieldError(field, "must be an absolute http or https URL"));
                return null;
            }
            if (uri.getRawFragment() != null) {
                errors.add(new FieldError(field, "must not have a fragment"));
                return null;
            }
            return value;
        } catch (URISyntaxException e) {
            errors.add(new FieldError(field, "must be an absolute http or https URL"));
            return null;
        }
    }

    private static OptionalLong lease(String value, List<FieldError> errors) {
        if (blankToNull(value) == null) {
            return OptionalLong.empty();
        }
        if (value.matches("[0-9]{1,12}") && Long.parseLong(value) > 0) {
            return OptionalLong.of(Long.parseLong(value));
        }
        errors.add(new FieldError("hub.lease_seconds", "must be a positive number of seconds"));
        return OptionalLong.empty();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
