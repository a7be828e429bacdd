package dev.herald.feed.feeds;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.herald.feed.readmodel.FeedScope;
import dev.herald.feed.readmodel.ReportRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Reads one feed document's reports from the read model and writes it in its format. */
@ApplicationScoped
class FeedRenderer {

    private final ReportRepository reports;
    private final FeedAssembler assembler;
    private final FeedConfig config;
    private final Map<FeedFormat, FeedWriter> writers;

    FeedRenderer(ReportRepository reports, FeedAssembler assembler, FeedConfig config, Instance<FeedWriter> writers) {
        this.reports = reports;
        this.assembler = assembler;
        this.config = config;
        this.writers = writers.stream().collect(Collectors.toMap(FeedWriter::format, Function.identity()));
    }

    /** The document, or empty when the page or archive does not exist. */
    Uni<Optional<RenderedFeed>> render(FeedKey key) {
        if (key.isArchive()) {
            return reports.ofMonth(key.scope(), key.archive()).flatMap(found -> found.isEmpty()
                    ? Uni.createFrom().item(Optional.<RenderedFeed>empty())
                    : reports.monthsAround(key.scope(), key.archive()).map(around -> write(key,
                            assembler.archive(key.scope(), key.archive(), around, found), true)));
        }
        int size = config.pageSize();
        return reports.count(key.scope()).flatMap(total -> {
            int lastPage = (int) Math.max(1, (total + size - 1) / size);
            // only the whole site has a feed while it is empty: an unknown tag, author or event is not found
            boolean unknownScope = total == 0 && key.scope().kind() != FeedScope.Kind.ALL;
            if (unknownScope || key.page() < 1 || key.page() > lastPage) {
                return Uni.createFrom().item(Optional.empty());
            }
            return reports.newest(key.scope(), (key.page() - 1) * size, size)
                    .map(page -> write(key, assembler.page(key.scope(), key.format(), key.page(), lastPage, page), false));
        });
    }

    private Optional<RenderedFeed> write(FeedKey key, FeedDocument document, boolean archive) {
        return Optional.of(RenderedFeed.of(writers.get(key.format()).write(document), key.format(), document, archive));
    }

}
