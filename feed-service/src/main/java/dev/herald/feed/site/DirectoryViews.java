package dev.herald.feed.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.herald.feed.readmodel.FeedScope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Turns attendees-service's event and person data (docs/events/attendees) into what pages show. */
final class DirectoryViews {

    // the order a reader scans an event in: who ran it, who spoke, who mentored, then everyone else
    private static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("organiser", "Organisers");
        ROLES.put("speaker", "Speakers");
        ROLES.put("mentor", "Mentors");
        ROLES.put("mentee", "Mentees");
        ROLES.put("attendee", "Attendees");
        ROLES.put("remote", "Remote participants");
    }

    private DirectoryViews() {
    }

    static EventBox event(JsonObject event) {
        JsonObject participants = Optional.ofNullable(event.getJsonObject("participants")).orElse(new JsonObject());
        List<EventBox.Group> roles = new ArrayList<>();
        ROLES.forEach((role, label) -> {
            List<String> people = names(participants.getJsonArray(role));
            if (!people.isEmpty()) {
                roles.add(new EventBox.Group(label, people));
            }
        });
        List<EventBox.Mentorship> mentorships = objects(event.getJsonArray("mentorships")).stream()
                .map(m -> new EventBox.Mentorship(name(m.getJsonObject("mentor")), name(m.getJsonObject("mentee")),
                        m.getBoolean("remote", false)))
                .toList();
        List<EventBox.Sponsor> sponsors = objects(event.getJsonArray("sponsors")).stream()
                .map(s -> {
                    JsonObject organisation = Optional.ofNullable(s.getJsonObject("organisation")).orElse(new JsonObject());
                    return new EventBox.Sponsor(organisation.getString("name", ""), organisation.getString("url"),
                            label(s.getString("kind", "")), s.getString("note"));
                })
                .toList();
        List<EventBox.Talk> talks = objects(event.getJsonArray("talks")).stream()
                .map(t -> new EventBox.Talk(t.getString("title", ""), label(t.getString("kind", "")),
                        String.join(", ", names(t.getJsonArray("speakers")))))
                .toList();
        List<Link> links = objects(event.getJsonArray("links")).stream()
                .map(l -> new Link(l.getString("title", l.getString("url")), l.getString("url")))
                .toList();
        // attendees-service writes venue and city as null when it knows neither
        String venue = blankToNull(event.getString("venue"));
        String city = blankToNull(event.getString("city"));
        String place = Stream.of(venue, city).filter(part -> part != null).collect(Collectors.joining(", "));
        String start = event.getString("startDate", "");
        String end = event.getString("endDate", "");
        return new EventBox(event.getString("name", event.getString("slug")),
                FeedScope.event(event.getString("slug")).pagePath(), label(event.getString("kind", "")),
                start.equals(end) || end.isBlank() ? start : start + " – " + end, place, event.getString("description"),
                roles, mentorships, sponsors, talks, links, start, end, venue, city);
    }

    static AuthorCard author(JsonObject person) {
        List<String> affiliations = objects(person.getJsonArray("affiliations")).stream()
                .map(a -> {
                    String organisation = Optional.ofNullable(a.getJsonObject("organisation"))
                            .map(o -> o.getString("name", "")).orElse("");
                    String title = a.getString("title");
                    return title == null || title.isBlank() ? organisation : title + ", " + organisation;
                })
                .toList();
        List<Link> links = new ArrayList<>();
        Optional.ofNullable(person.getString("website")).ifPresent(url -> links.add(new Link("Website", url)));
        Optional.ofNullable(person.getString("github"))
                .ifPresent(user -> links.add(new Link("GitHub", "https://github.com/" + user)));
        Optional.ofNullable(person.getString("mastodon")).ifPresent(url -> links.add(new Link("Mastodon", url)));
        return new AuthorCard(person.getString("name", ""), FeedScope.author(person.getString("slug")).pagePath(),
                person.getString("bio"), avatarPath(person.getString("slug")), affiliations, links);
    }

    /** Herald's copy of the avatar, or the initials: pages never link the source (see avatars.AvatarResource). */
    private static String avatarPath(String slug) {
        return "/avatars/" + URLEncoder.encode(slug, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> names(JsonArray people) {
        return objects(people).stream().map(DirectoryViews::name).toList();
    }

    private static String name(JsonObject person) {
        return person == null ? "" : person.getString("name", person.getString("slug", ""));
    }

    private static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> objects = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getValue(i) instanceof JsonObject object) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    // "travel_funding" reads as "travel funding"
    private static String label(String value) {
        return value.replace('_', ' ');
    }
}
