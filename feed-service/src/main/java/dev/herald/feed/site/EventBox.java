package dev.herald.feed.site;

import java.util.List;

/**
 * An event as its page and its reports' pages show it: who took part in which role, mentorships, sponsors, talks; the
 * ISO dates ("" when unknown), venue and city (null when unknown) are for its JSON-LD.
 */
public record EventBox(String name, String url, String kind, String dates, String place, String description,
        List<Group> roles, List<Mentorship> mentorships, List<Sponsor> sponsors, List<Talk> talks, List<Link> links,
        String startDate, String endDate, String venue, String city) {

    public record Group(String role, List<String> people) {
    }

    public record Mentorship(String mentor, String mentee, boolean remote) {
    }

    public record Sponsor(String name, String url, String kind, String note) {
    }

    public record Talk(String title, String kind, String speakers) {
    }
}
