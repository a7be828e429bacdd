package dev.herald.feed.site;

import java.util.Optional;

import org.jboss.resteasy.reactive.RestResponse;

import dev.herald.feed.readmodel.FeedScope;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

/**
 * The first listing page of a scope as the site serves it, for WebSub distributions of page topics: rendered by the
 * same resource methods and templates, so subscribers get the bytes a browser would.
 */
@ApplicationScoped
public class TopicPages {

    public static final String MEDIA_TYPE = "text/html;charset=UTF-8";

    private final SiteResource site;

    TopicPages(SiteResource site) {
        this.site = site;
    }

    /** The HTML, or empty when the page does not exist now (404) or is gone (an erased author, 410). */
    public Uni<Optional<String>> firstPage(FeedScope scope) {
        Uni<RestResponse<TemplateInstance>> page = switch (scope.kind()) {
            case ALL -> site.home(null);
            case TAG -> site.tag(scope.value(), null);
            case AUTHOR -> site.author(scope.value(), null);
            case EVENT -> site.event(scope.value(), null);
        };
        return page.flatMap(response -> response.getEntity().createUni())
                .map(Optional::of)
                .onFailure(failure -> failure instanceof NotFoundException || failure instanceof AuthorGoneException)
                .recoverWithItem(Optional.empty());
    }
}
