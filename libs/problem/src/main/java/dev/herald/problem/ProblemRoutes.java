package dev.herald.problem;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * Problem documents for what never reaches a JAX-RS resource: an address nothing serves (404), or that holds a
 * control character (404 before any route sees it), a query parameter holding a NUL (400), a JSON body whose
 * Content-Length passes {@link JsonBodyConfig#maxBodySize()} (413 before it is read), and failures of plain
 * Vert.x routes (an {@link InvalidParameterException} as the mappers answer it), which Quarkus would otherwise answer
 * with an HTML page for browsers.
 */
@ApplicationScoped
public class ProblemRoutes {

    // C0 controls and DEL, percent-encoded
    private static final Pattern ENCODED_CONTROL = Pattern.compile("%(?:[01][0-9A-Fa-f]|7[Ff])");

    private final ObjectMapper json;
    private final long maxJsonBytes;

    public ProblemRoutes(ObjectMapper json, JsonBodyConfig bodies) {
        this.json = json;
        this.maxJsonBytes = bodies.maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        // ahead of every route: no slug, tag or name has a control character, and PostgreSQL refuses a NUL (a 500)
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).handler(context -> {
            String path = context.request().path();
            if (path.indexOf('%') >= 0 && ENCODED_CONTROL.matcher(path).find()) {
                send(context, Problem.notFound(path));
                return;
            }
            Optional<String> withNul = parameterWithNul(context);
            if (withNul.isPresent()) {
                send(context, Problem.invalidParameter(path, withNul.get(), JsonBodyChecks.NUL_MESSAGE));
            } else if (jsonTooLarge(context.request())) {
                send(context, Problem.of(ProblemException.tooLarge("body", JsonBodyChecks.tooLarge(maxJsonBytes)), path));
            } else {
                context.next();
            }
        });
        router.route().last().handler(context -> send(context, Problem.notFound(context.normalizedPath())));
        // before Quarkus's own failure handler, which is last
        router.route().order(Integer.MAX_VALUE - 1).failureHandler(this::failed);
    }

    private void failed(RoutingContext context) {
        Throwable failure = context.failure();
        int status = failure instanceof HttpException http ? http.getStatusCode()
                : failure == null && context.statusCode() >= 400 ? context.statusCode() : 500;
        // authentication sends its own challenge (401) or refusal (403)
        boolean security = failure != null && failure.getClass().getName().startsWith("io.quarkus.security.");
        if (context.response().headWritten() || security || status == 401 || status == 403) {
            context.next();
            return;
        }
        String path = context.normalizedPath();
        if (failure instanceof InvalidParameterException invalid) {
            send(context, Problem.invalidParameter(path, invalid.parameter(), invalid.getMessage()));
            return;
        }
        String method = context.request().method().name();
        if (status == 500) {
            Optional<Problem> unavailable = Unavailable.problem(failure, method, path);
            unavailable.ifPresent(problem -> context.response().putHeader(HttpHeaders.RETRY_AFTER, Unavailable.RETRY_AFTER_SECONDS));
            send(context, unavailable.orElseGet(() -> InternalErrors.logged(failure, method, path)));
            return;
        }
        send(context, new Problem(ProblemMappers.BLANK, reason(status), status, null, path, List.of()));
    }

    /** Any text in a query may end up in a SQL parameter, where PostgreSQL refuses a NUL (a 500). */
    private static Optional<String> parameterWithNul(RoutingContext context) {
        String query = context.request().query();
        if (query == null || !query.contains("%00")) {
            return Optional.empty();
        }
        return context.queryParams().entries().stream()
                .filter(entry -> entry.getKey().indexOf('\0') >= 0 || entry.getValue().indexOf('\0') >= 0)
                .map(entry -> entry.getKey().replace("\0", "")).findFirst();
    }

    private boolean jsonTooLarge(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !JsonBodyChecks.json(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            return false;
        }
        try {
            return Long.parseLong(length) > maxJsonBytes;
        } catch (NumberFormatException unreadable) {
            return false; // Vert.x refuses the request itself
        }
    }

    private static String reason(int status) {
        return io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
    }

    private void send(RoutingContext context, Problem problem) {
        try {
            context.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
