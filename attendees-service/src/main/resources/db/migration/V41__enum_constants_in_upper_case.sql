-- Enum columns hold the Java constant (TRAVEL_FUNDING), as everywhere in Herald; JSON and events keep lower case.
update organisation set kind = upper(kind);
update event set kind = upper(kind);
update sponsorship set kind = upper(kind);
update talk set kind = upper(kind);
update participation set roles = upper(roles);
