package dev.herald.attendees.sponsorship;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import dev.herald.problem.LowerCaseEnumNaming;

@EnumNaming(LowerCaseEnumNaming.class)
public enum SponsorshipKind {
    VENUE, CATERING, TRAVEL_FUNDING, EMPLOYEE_EXPENSES, TICKET_PROCEEDS, OTHER
}
