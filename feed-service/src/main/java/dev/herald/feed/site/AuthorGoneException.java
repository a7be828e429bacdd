package dev.herald.feed.site;

/** The author asked to be erased: their page is gone for good, which 410 tells crawlers and readers. */
public class AuthorGoneException extends RuntimeException {

    public AuthorGoneException() {
        super(null, null, false, false);
    }
}
