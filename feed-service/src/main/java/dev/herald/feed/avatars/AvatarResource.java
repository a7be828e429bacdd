package dev.herald.feed.avatars;

import java.util.Optional;

import org.jboss.resteasy.reactive.RestPath;

import dev.herald.feed.readmodel.DirectoryRepository;
import dev.herald.feed.readmodel.DirectoryRepository.Kind;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * {@code /avatars/{slug}}: a person's avatar served from Herald, or their initials when the profile has no usable
 * image. Only people in the public directory have one, so an erased person's avatar is gone with their profile.
 */
@Path("/avatars/{slug}")
public class AvatarResource {

    // the image of a known source changes rarely; the initials stand in only until the source is tried again
    private static final String IMAGE_FRESHNESS = "public, max-age=86400";
    private static final String INITIALS_FRESHNESS = "public, max-age=300";

    private final DirectoryRepository directory;
    private final AvatarSources sources;

    AvatarResource(DirectoryRepository directory, AvatarSources sources) {
        this.directory = directory;
        this.sources = sources;
    }

    @GET
    public Uni<Response> avatar(@RestPath String slug, Request request) {
        return directory.bySlug(Kind.PERSON, slug).flatMap(person -> {
            JsonObject found = person.orElseThrow(NotFoundException::new);
            String source = found.getString("avatar");
            Uni<Optional<Avatar>> image = source == null ? Uni.createFrom().item(Optional.empty()) : sources.image(source);
            return image.map(avatar -> avatar
                    .map(known -> answer(request, known, IMAGE_FRESHNESS))
                    .orElseGet(() -> answer(request, Initials.of(found.getString("name", slug)), INITIALS_FRESHNESS)));
        });
    }

    private static Response answer(Request request, Avatar avatar, String freshness) {
        EntityTag tag = EntityTag.valueOf(avatar.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return (notModified != null ? notModified : Response.ok(avatar.bytes(), avatar.mediaType()))
                .tag(tag)
                .header("Cache-Control", freshness)
                // the bytes are shown as an image and nothing else: no sniffing, no script even in the SVG
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .build();
    }
}
