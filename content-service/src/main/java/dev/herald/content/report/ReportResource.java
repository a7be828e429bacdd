package dev.herald.content.report;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import dev.herald.content.asset.AssetRepository;
import dev.herald.content.document.ReportDocumentWriter;
import dev.herald.outbox.OutboxRepository;
import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import dev.herald.problem.IfMatch;
import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Reports for editors; anyone may read a published report, only editors see drafts. A report carries a strong ETag
 * (its version); a write with If-Match changes it only if that tag is still current, else answers 412. A write
 * without If-Match goes ahead, but one that races another is refused with 409 rather than overwriting it.
 */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService service;
    private final ReportRepository reports;
    private final AssetRepository assets;
    private final ReportMapper mapper;
    private final ReportDocumentWriter writer;
    private final SecurityIdentity identity;
    private final OutboxRepository outbox;

    public ReportResource(ReportService service, ReportRepository reports, AssetRepository assets, ReportMapper mapper,
            ReportDocumentWriter writer, SecurityIdentity identity, OutboxRepository outbox) {
        this.service = service;
        this.reports = reports;
        this.assets = assets;
        this.mapper = mapper;
        this.writer = writer;
        this.identity = identity;
        this.outbox = outbox;
    }

    public record ScheduleRequest(@NotNull Instant publishAt) {
    }

    @GET
    @WithSession
    @Operation(summary = "Reports, newest first, filtered by state, tag, author (slug or name) and event slug")
    public Uni<Page<ReportSummaryView>> list(@QueryParam("state") ReportState state, @QueryParam("tag") String tag,
            @QueryParam("author") String author, @QueryParam("event") String event,
            @Valid @BeanParam PageRequest paging) {
        ReportState visible = isEditor() ? state : ReportState.PUBLISHED;
        if (!isEditor() && state != null && state != ReportState.PUBLISHED) {
            return Uni.createFrom().item(Page.of(List.of(), paging, 0));
        }
        return paging.read(reports.search(new ReportFilter(visible, tag, author, event)), mapper::summary);
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(summary = "One report with its rendered HTML and assets; its ETag is the If-Match of a later write")
    public Uni<RestResponse<ReportView>> get(@PathParam("id") UUID id) {
        return visible(id).chain(report -> view(report).map(view -> tagged(report, view)));
    }

    @GET
    @Path("{id}/export")
    @Produces("text/markdown")
    @WithSession
    @Operation(summary = "The report in the corpus format: YAML front matter and the Markdown body")
    public Uni<String> export(@PathParam("id") UUID id) {
        return visible(id).map(this::document);
    }

    @GET
    @Path("{id}/export")
    @Produces("application/zip")
    @WithSession
    @Operation(summary = "The report as a post folder in a zip: <slug>/index.md and its images")
    public Uni<Response> exportZip(@PathParam("id") UUID id) {
        return visible(id).chain(report -> assets.ofReport(id).map(stored -> Response
                .ok(PostFolderZip.write(report.slug, report.format.fileName(), document(report), stored))
                .header("Content-Disposition", "attachment; filename=\"" + report.slug + ".zip\"").build()));
    }

    @GET
    @Path("{id}/revisions")
    @WithSession
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "The revision history of a report, oldest first")
    public Uni<List<RevisionView>> revisions(@PathParam("id") UUID id) {
        return service.get(id).chain(() -> ReportRevision.<ReportRevision>list("reportId = ?1 order by revision", id))
                .map(rows -> rows.stream().map(mapper::revision).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithSession
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Write a new report; it stays a draft until published")
    public Uni<Response> create(@Valid @NotNull ReportInput input) {
        return Panache.withTransaction(() -> service.create(input.toContent(Instant.now())))
                .chain(outcome -> view(outcome.report())
                .map(view -> Response.created(URI.create("/api/reports/" + outcome.report().id))
                        .tag(new EntityTag(outcome.report().etag())).entity(view).build()));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithSession
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Change a report: a new revision, announced to readers when the report is published; "
            + "a report that is not a draft keeps its publishDate when the change leaves it out")
    public Uni<RestResponse<ReportView>> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ReportInput input) {
        IfMatch condition = IfMatch.parse(ifMatch);
        return Panache.withTransaction(() -> service.update(id, condition, input.toContent(Instant.now())))
                .chain(outcome -> view(outcome.report()).map(view -> tagged(outcome.report(), view)));
    }

    @DELETE
    @Path("{id}")
    @WithSession
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Delete a report; a published one is unpublished first")
    public Uni<Void> delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        IfMatch condition = IfMatch.parse(ifMatch);
        return Panache.withTransaction(() -> service.delete(id, condition));
    }

    @POST
    @Path("{id}/publish")
    @WithSession
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Publish now; publishing a published report changes nothing")
    public Uni<RestResponse<ReportSummaryView>> publish(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        IfMatch condition = IfMatch.parse(ifMatch);
        return Panache.withTransaction(() -> service.publish(id, condition))
                .map(report -> tagged(report, mapper.summary(report)));
    }

    @POST
    @Path("{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithSession
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Publish by itself at publishAt, a future instant")
    public Uni<RestResponse<ReportSummaryView>> schedule(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ScheduleRequest request) {
        IfMatch condition = IfMatch.parse(ifMatch);
        return Panache.withTransaction(() -> service.schedule(id, condition, request.publishAt()))
                .map(report -> tagged(report, mapper.summary(report)));
    }

    @POST
    @Path("{id}/unpublish")
    @WithSession
    @RolesAllowed({"editor", "admin"})
    @Operation(summary = "Take a report down; a scheduled report goes back to draft")
    public Uni<RestResponse<ReportSummaryView>> unpublish(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        IfMatch condition = IfMatch.parse(ifMatch);
        return Panache.withTransaction(() -> service.unpublish(id, condition))
                .map(report -> tagged(report, mapper.summary(report)));
    }

    private Uni<ReportView> view(Report report) {
        return assets.ofReport(report.id).chain(stored -> outbox.parkedAbout(report.id)
                .map(parked -> mapper.view(report, stored, parked)));
    }

    private static <T> RestResponse<T> tagged(Report report, T view) {
        return RestResponse.ResponseBuilder.ok(view).tag(new EntityTag(report.etag())).build();
    }

    // an imported document comes back exactly as it was sent; one written through the API is written out
    private String document(Report report) {
        return report.source != null ? report.source : writer.write(mapper.document(report));
    }

    private Uni<Report> visible(UUID id) {
        return service.get(id).invoke(report -> {
            if (!report.isPublic() && !isEditor()) {
                throw ProblemException.notFound("Report", id);
            }
        });
    }

    private boolean isEditor() {
        return identity.hasRole("editor") || identity.hasRole("admin");
    }
}
