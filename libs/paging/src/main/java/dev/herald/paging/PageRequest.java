package dev.herald.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=&size=} of every listing: pages count from 0, at most 100 items each; a page past the last item is
 * empty, a page beyond {@value #MAX_PAGE} (where {@code page * size} would overflow) is refused.
 */
public class PageRequest {

    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(100)
    public int size;

    /** The first item of the page, for SQL's {@code OFFSET}. */
    public int offset() {
        return page * size;
    }

    /** The same page for a Panache query. */
    public io.quarkus.panache.common.Page panache() {
        return io.quarkus.panache.common.Page.of(page, size);
    }
}
