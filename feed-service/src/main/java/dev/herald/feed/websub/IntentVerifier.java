package dev.herald.feed.websub;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import dev.herald.feed.delivery.CallbackClient;
import dev.herald.feed.delivery.SecretBox;
import dev.herald.feed.delivery.SubscriberHost;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What follows an accepted hub request (WebSub 5.2, 5.3): a denial for a topic Herald does not serve or a callback
 * host at its bound, else the verification of intent, and only then the subscription is stored, renewed or deleted.
 * A verification in progress lives on the replica that took the request; a subscriber whose verification never comes
 * asks again, as the specification expects.
 */
@ApplicationScoped
class IntentVerifier {

    private static final Logger LOG = Logger.getLogger(IntentVerifier.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Topics topics;
    private final TopicDocuments documents;
    private final Subscriptions subscriptions;
    private final CallbackClient callbacks;
    private final SecretBox secrets;
    private final WebSubConfig config;

    IntentVerifier(Topics topics, TopicDocuments documents, Subscriptions subscriptions, CallbackClient callbacks,
            SecretBox secrets, WebSubConfig config) {
        this.topics = topics;
        this.documents = documents;
        this.subscriptions = subscriptions;
        this.callbacks = callbacks;
        this.secrets = secrets;
        this.config = config;
    }

    /** Goes on in the background: the subscriber has its 202 and waits for the hub's GET. */
    void start(HubRequest request) {
        String host = SubscriberHost.of(request.callback());
        (request.mode() == HubRequest.Mode.SUBSCRIBE ? subscribe(request, host) : unsubscribe(request))
                .subscribe().with(done -> {
                }, failure -> LOG.warnf("WebSub %s of a callback on %s to %s failed: %s", request.mode().value(), host,
                        request.topic(), failure.toString()));
    }

    private Uni<Void> subscribe(HubRequest request, String host) {
        Optional<Topic> topic = topics.parse(request.topic());
        if (topic.isEmpty()) {
            return deny(request, "Herald distributes its feeds and listing pages only, and this is neither");
        }
        return documents.current(topic.get()).flatMap(document -> document.isEmpty()
                ? deny(request, "Herald serves nothing at this topic")
                : subscriptions.othersOnHost(host, request.callback(), request.topic()).flatMap(others -> {
                    if (others >= config.maxSubscriptionsPerHost()) {
                        return deny(request, tooMany());
                    }
                    Duration lease = lease(request);
                    return verify(request, lease).flatMap(verified -> !verified ? Uni.createFrom().voidItem()
                            : subscriptions.store(request.callback(), topic.get(), host,
                                            request.secret() == null ? null : secrets.seal(request.secret()), lease,
                                            config.maxSubscriptionsPerHost())
                                    // another replica stored one for the same host meanwhile
                                    .flatMap(stored -> stored ? Uni.createFrom().voidItem() : deny(request, tooMany())));
                }));
    }

    private Uni<Void> unsubscribe(HubRequest request) {
        return verify(request, null).flatMap(verified -> verified
                ? subscriptions.delete(request.callback(), request.topic())
                : Uni.createFrom().voidItem());
    }

    /** The challenge GET (5.3): verified on a 2xx whose body is the challenge, nothing else. */
    private Uni<Boolean> verify(HubRequest request, Duration lease) {
        String challenge = challenge();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("hub.mode", request.mode().value());
        parameters.put("hub.topic", request.topic());
        parameters.put("hub.challenge", challenge);
        if (lease != null) {
            parameters.put("hub.lease_seconds", Long.toString(lease.toSeconds()));
        }
        return callbacks.get(withQuery(request.callback(), parameters))
                .map(response -> response.successful() && challenge.equals(response.body()))
                .onFailure().recoverWithItem(false);
    }

    /** Tells the subscriber its subscription will not be (5.2); what it answers does not matter. */
    private Uni<Void> deny(HubRequest request, String reason) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("hub.mode", "denied");
        parameters.put("hub.topic", request.topic());
        parameters.put("hub.reason", reason);
        return callbacks.get(withQuery(request.callback(), parameters)).replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private String tooMany() {
        return "the callback's host holds the most subscriptions Herald grants one host ("
                + config.maxSubscriptionsPerHost() + ")";
    }

    /** The lease asked for, or the default, within the configured bounds. */
    private Duration lease(HubRequest request) {
        Duration asked = request.leaseSeconds().isPresent() ? Duration.ofSeconds(request.leaseSeconds().getAsLong())
                : config.leaseDefault();
        Duration atLeast = asked.compareTo(config.leaseMin()) < 0 ? config.leaseMin() : asked;
        return atLeast.compareTo(config.leaseMax()) > 0 ? config.leaseMax() : atLeast;
    }

    /** The callback with the hub's parameters added to any query it has (the hub must keep it, 5.3). */
    private static String withQuery(String callback, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return callback + (callback.indexOf('?') < 0 ? "?" : callback.endsWith("?") || callback.endsWith("&") ? "" : "&")
                + query;
    }

    private static String challenge() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
