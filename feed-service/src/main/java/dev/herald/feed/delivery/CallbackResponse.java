package dev.herald.feed.delivery;

/** A subscriber's answer: the status code and the start of the body (enough for a WebSub challenge). */
public record CallbackResponse(int status, String body) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
