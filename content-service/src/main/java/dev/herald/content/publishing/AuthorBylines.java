package dev.herald.content.publishing;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.content.directory.DirectoryPerson;
import dev.herald.content.directory.ErasedPersonReferences;
import dev.herald.content.directory.UnlinkedPersonReferences;
import dev.herald.content.report.Report;
import dev.herald.content.report.ReportPublisher;
import dev.herald.content.report.ReportRepository;
import io.smallrye.mutiny.Uni;

/**
 * Keeps report bylines in step with the directory, in the caller's transaction. A report imported before the
 * directory knew its author (attendees-service's events arrive in their own time) names them without a link, and links
 * to them once a person by that name arrives, as an import would have. The reports that linked a person erased without
 * consent to keep a public record keep the byline text the editor wrote (it is content) but link to them no more.
 * Published reports are announced again either way, so that every consumer, and a replay of the compacted topic, agrees.
 */
@ApplicationScoped
public class AuthorBylines implements ErasedPersonReferences, UnlinkedPersonReferences {

    private final ReportRepository reports;
    private final ReportPublisher publisher;

    public AuthorBylines(ReportRepository reports, ReportPublisher publisher) {
        this.reports = reports;
        this.publisher = publisher;
    }

    @Override
    public Uni<Void> link(DirectoryPerson person) {
        return reports.list("authorSlug is null and lower(trim(authorName)) = lower(?1)", person.name.strip())
                .chain(unlinked -> linkTo(unlinked, person.slug));
    }

    @Override
    public Uni<Void> unlink(DirectoryPerson person) {
        return reports.list("authorSlug", person.slug).chain(linked -> linkTo(linked, null));
    }

    private Uni<Void> linkTo(List<Report> bylines, String slug) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Report report : bylines) {
            report.authorSlug = slug;
            report.modifiedAt = Instant.now();
            chain = chain.chain(() -> publisher.changed(report));
        }
        return chain;
    }
}
