package dev.herald.feed.delivery;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Calls subscribers' URLs, and only allowed ones: http or https, no user info, and every address the host resolves
 * to public or in {@code herald.deliveries.allow}. The connection goes to the address that was checked, so a name
 * that resolves differently a moment later (DNS rebinding) cannot reach anything else. Redirects are not followed.
 */
@ApplicationScoped
public class CallbackClient {

    /** Fails with {@link RefusedAddressException} naming why when the URL may not be called. */
    public Uni<Void> check(String url) {
        throw new UnsupportedOperationException("lands with the dispatcher");
    }

    /** A GET (WebSub intent verification), with the attempt timeout; fails with RefusedAddressException. */
    public Uni<CallbackResponse> get(String url) {
        throw new UnsupportedOperationException("lands with the dispatcher");
    }

    /** A POST, with the attempt timeout; fails with RefusedAddressException. */
    public Uni<CallbackResponse> post(OutgoingRequest request) {
        throw new UnsupportedOperationException("lands with the dispatcher");
    }
}
