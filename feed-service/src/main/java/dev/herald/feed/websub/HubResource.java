package dev.herald.feed.websub;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.herald.feed.delivery.CallbackClient;
import dev.herald.feed.delivery.RefusedAddressException;
import dev.herald.problem.Problem;
import dev.herald.problem.ProblemException;
import dev.herald.problem.ProblemMappers;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The WebSub hub (W3C Recommendation, 2018): subscribers POST form-encoded subscribe and unsubscribe requests for
 * Herald's feeds and listing pages. A well-formed request with a callback Herald may call is accepted (202) and then
 * verified or denied in the background; anything else is a 400 naming the field, and nothing is kept.
 */
@Path("/websub")
@Tag(name = "websub")
public class HubResource {

    private final ClientRateLimit rateLimit;
    private final CallbackClient callbacks;
    private final IntentVerifier verifier;

    HubResource(ClientRateLimit rateLimit, CallbackClient callbacks, IntentVerifier verifier) {
        this.rateLimit = rateLimit;
        this.callbacks = callbacks;
        this.verifier = verifier;
    }

    // no @Consumes: a body of another type is the subscriber's mistake to name (400), not an unsupported resource
    @POST
    @Operation(summary = "WebSub subscribe or unsubscribe (form: hub.mode, hub.callback, hub.topic, hub.lease_seconds,"
            + " hub.secret); verified or denied by a GET to the callback afterwards")
    @APIResponse(responseCode = "202", description = "Accepted: the verification of intent or a denial follows")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid, or the callback may not be called")
    @APIResponse(responseCode = "429", description = "Too many requests from this client; see Retry-After")
    public Uni<Response> request(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body,
            @Context HttpServerRequest http) {
        Duration wait = rateLimit.acquire(http.remoteAddress().hostAddress());
        if (!wait.isZero()) {
            return Uni.createFrom().item(tooManyRequests(wait));
        }
        HubRequest request = HubRequest.parse(contentType, body);
        return callbacks.check(request.callback())
                .onFailure(RefusedAddressException.class)
                .transform(refused -> ProblemException.invalid("hub.callback", refused.getMessage()))
                .map(checked -> {
                    verifier.start(request);
                    return Response.accepted().build();
                });
    }

    private static Response tooManyRequests(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Problem problem = new Problem(URI.create("about:blank"), "Too Many Requests", 429,
                "Too many hub requests from this address; try again in " + seconds + " s", "/websub", List.of());
        return Response.fromResponse(ProblemMappers.respond(problem)).header("Retry-After", seconds).build();
    }
}
