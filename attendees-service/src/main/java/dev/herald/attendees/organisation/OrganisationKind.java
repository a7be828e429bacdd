package dev.herald.attendees.organisation;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import dev.herald.problem.LowerCaseEnumNaming;

@EnumNaming(LowerCaseEnumNaming.class)
public enum OrganisationKind {
    COMPANY, FOUNDATION, COMMUNITY, CONFERENCE, UNIVERSITY, GOVERNMENT, OTHER
}
