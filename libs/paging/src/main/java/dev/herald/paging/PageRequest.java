package dev.herald.paging;

import java.util.function.Function;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

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

    /** This page of a Panache query, each item shown through {@code view}, with the count of every match. */
    public <E, R> Uni<Page<R>> read(PanacheQuery<E> query, Function<? super E, ? extends R> view) {
        PanacheQuery<E> paged = query.page(panache());
        return paged.list().flatMap(items -> paged.count()
                .map(total -> Page.of(items.stream().<R>map(view).toList(), this, total)));
    }
}
