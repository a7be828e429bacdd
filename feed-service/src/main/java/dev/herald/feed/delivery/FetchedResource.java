package dev.herald.feed.delivery;

/** A resource read whole from an outside URL: the status and the body, whatever the server said its type was. */
public record FetchedResource(int status, byte[] body) {

    public boolean successful() {
        return status == 200;
    }
}
