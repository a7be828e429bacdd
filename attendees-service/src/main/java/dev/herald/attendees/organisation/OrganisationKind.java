package dev.herald.attendees.organisation;

public enum OrganisationKind {
    company, foundation, community, conference, university, government, other
}
