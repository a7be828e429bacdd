package dev.herald.feed.delivery;

/** A callback or webhook URL that Herald will not call: malformed, or resolving to an address the policy forbids. */
public class RefusedAddressException extends RuntimeException {

    public RefusedAddressException(String message) {
        super(message);
    }
}
