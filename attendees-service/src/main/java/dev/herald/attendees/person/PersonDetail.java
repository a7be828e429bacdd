package dev.herald.attendees.person;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code GET /api/people/{slug}}: the person, where they worked and the events they took part in. */
public record PersonDetail(
        @JsonUnwrapped PersonView person,
        @JsonInclude(JsonInclude.Include.NON_NULL) String email,
        List<AffiliationView> affiliations,
        List<PersonParticipation> participations) {
}
