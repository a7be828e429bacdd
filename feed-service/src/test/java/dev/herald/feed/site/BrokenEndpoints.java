package dev.herald.feed.site;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.vertx.ext.web.Router;

/** Test-only: a resource and a plain route that fail as a bug would, with internals in the message. */
@Path("/test-only/broken")
public class BrokenEndpoints {

    static final String SECRET = "password=hunter2 at jdbc:postgresql://db.internal";

    @GET
    public String broken() {
        throw new IllegalStateException(SECRET);
    }

    void route(@Observes Router router) {
        router.get("/test-only/broken-route").handler(context -> context.fail(new IllegalStateException(SECRET)));
    }
}
