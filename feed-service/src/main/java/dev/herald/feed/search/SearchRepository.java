package dev.herald.feed.search;

import java.util.ArrayList;
import java.util.List;

import dev.herald.feed.readmodel.PublishedReport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Full-text search over the read model: each report's {@code search} vector (V50) and, at query time, the name of its
 * event from the directory, so that an event's name finds its reports. Every piece of the reader's text is a parameter.
 */
@ApplicationScoped
class SearchRepository {

    // events whose name matches, then reports of either kind, so that both halves can use an index
    private static final String MATCHED = "matched as (select id from report, q where search @@ q.query"
            + " union select r.id from report r join event_directory e on e.slug = r.event_slug, q"
            + " where to_tsvector('english', coalesce(e.data->>'name', '')) @@ q.query)";
    private static final String EVENT_NAMES = "(select setweight(to_tsvector('english', string_agg(e.data->>'name', ' ')), 'B')"
            + " from event_directory e where e.slug = r.event_slug)";
    // hits are marked with private-use characters, removed from the text first, so that Snippet alone makes markup
    private static final String HEADLINE = "ts_headline('english', translate(report_plain_text(r.content_html),"
            + " '" + Snippet.START + Snippet.STOP + "', ''), q.query, 'StartSel=" + Snippet.START + ", StopSel=" + Snippet.STOP
            + ", MaxWords=35, MinWords=15')";

    private final Pool pool;

    SearchRepository(Pool pool) {
        this.pool = pool;
    }

    /** The total and one page of the matches. */
    Uni<SearchResults> search(SearchQuery query, long offset, int limit) {
        return Uni.combine().all().unis(count(query), page(query, offset, limit)).with(SearchResults::new);
    }

    private Uni<Long> count(SearchQuery query) {
        return pool.preparedQuery(with(query) + " select count(*) from matched").execute(arguments(query))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** One page of the matches, best first; ties newest first, then by id so that the order never varies. */
    private Uni<List<SearchHit>> page(SearchQuery query, long offset, int limit) {
        Tuple arguments = arguments(query);
        String with = with(query);
        int offsetParameter = arguments.size() + 1;
        arguments.addLong(offset).addInteger(limit);
        return pool.preparedQuery(with + " select r.title, r.slug, r.published_at, r.author_name, r.author_slug, ranked.rank, "
                        + HEADLINE + " as snippet from (select r.id, ts_rank_cd(r.search || coalesce(" + EVENT_NAMES
                        + ", ''::tsvector), q.query) as rank, r.published_at from matched m join report r on r.id = m.id, q"
                        + " order by rank desc, r.published_at desc, r.id desc offset $" + offsetParameter
                        + " limit $" + (offsetParameter + 1) + ") ranked join report r on r.id = ranked.id, q"
                        + " order by ranked.rank desc, r.published_at desc, r.id desc")
                .execute(arguments)
                .map(rows -> {
                    List<SearchHit> hits = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        var publishedAt = row.getOffsetDateTime("published_at").toInstant();
                        hits.add(new SearchHit(row.getString("title"),
                                PublishedReport.permalinkPath(publishedAt, row.getString("slug")), publishedAt,
                                row.getString("author_name"), row.getString("author_slug"), row.getString("snippet"),
                                row.getFloat("rank")));
                    }
                    return hits;
                });
    }

    /** The tsquery of every part of the query, AND-ed: the words, each phrase, and the last word as a prefix. */
    private static String with(SearchQuery query) {
        List<String> parts = new ArrayList<>();
        int parameter = 0;
        parts.add("plainto_tsquery('english', $" + ++parameter + ")");
        for (int i = 0; i < query.phrases().size(); i++) {
            parts.add("phraseto_tsquery('english', $" + ++parameter + ")");
        }
        if (query.prefix() != null) {
            // stemmed ("sprinting" is a prefix of sprint's forms) or as typed: a cut word may stem to no prefix at all
            int prefix = ++parameter;
            parts.add("(to_tsquery('english', $" + prefix + " || ':*') || to_tsquery('simple', $" + prefix + " || ':*'))");
        }
        return "with q as (select " + String.join(" && ", parts) + " as query), " + MATCHED;
    }

    private static Tuple arguments(SearchQuery query) {
        Tuple arguments = Tuple.tuple().addString(query.words());
        query.phrases().forEach(arguments::addString);
        if (query.prefix() != null) {
            arguments.addString(query.prefix());
        }
        return arguments;
    }
}
