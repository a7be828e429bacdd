package dev.herald.attendees.sponsorship;

public enum SponsorshipKind {
    venue, catering, travel_funding, employee_expenses, ticket_proceeds, other
}
