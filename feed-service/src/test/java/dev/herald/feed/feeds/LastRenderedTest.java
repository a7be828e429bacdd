package dev.herald.feed.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class LastRenderedTest {

    // as the reactive client reports a refused connection: a SocketException among the causes
    private static final UncheckedIOException REFUSED = new UncheckedIOException(new ConnectException("refused"));
    private static final Uni<Optional<String>> DATABASE_AWAY = Uni.createFrom().failure(REFUSED);

    private final LastRendered<String, String> last = new LastRendered<>();

    @Test
    void whileTheDatabaseIsAwayTheLastRenderingIsServed() {
        assertEquals(Optional.of("v1"), serve("feed", Uni.createFrom().item(Optional.of("v1"))));
        assertEquals(Optional.of("v2"), serve("feed", Uni.createFrom().item(Optional.of("v2"))));

        assertEquals(Optional.of("v2"), serve("feed", DATABASE_AWAY));
    }

    @Test
    void aDocumentThatWentAwayIsRememberedAsGone() {
        serve("page-2", Uni.createFrom().item(Optional.of("entries")));
        serve("page-2", Uni.createFrom().item(Optional.empty()));

        assertEquals(Optional.empty(), serve("page-2", DATABASE_AWAY));
    }

    @Test
    void madeUpAddressesAreNotRemembered() {
        serve("2999", Uni.createFrom().item(Optional.empty()));

        assertEquals(Optional.empty(), last.last("2999"));
        assertThrows(UncheckedIOException.class, () -> serve("2999", DATABASE_AWAY));
    }

    @Test
    void otherFailuresAreNotHidden() {
        serve("feed", Uni.createFrom().item(Optional.of("v1")));
        IllegalStateException bug = new IllegalStateException("bug");

        assertSame(bug, assertThrows(IllegalStateException.class, () -> serve("feed", Uni.createFrom().failure(bug))));
    }

    @Test
    void whatIsKnownOfDocumentsNeverRenderedIsAsked() {
        LastRendered<Integer, String> pages = new LastRendered<>(page -> page == 3 ? Optional.of(Optional.empty()) : Optional.empty());

        assertEquals(Optional.empty(), pages.serve(3, Uni.createFrom().failure(REFUSED)).await().indefinitely());
        assertThrows(UncheckedIOException.class, () -> pages.serve(4, Uni.createFrom().failure(REFUSED)).await().indefinitely());
    }

    private Optional<String> serve(String key, Uni<Optional<String>> rendering) {
        return last.serve(key, rendering).await().indefinitely();
    }
}
