-- The local directory of people and events, fed by attendees.events; never a synchronous call to attendees-service.
CREATE TABLE directory_person (
    id    uuid PRIMARY KEY,
    slug  varchar(200) NOT NULL,
    name  varchar(300) NOT NULL
);
CREATE INDEX directory_person_name ON directory_person (lower(name));

CREATE TABLE directory_event (
    id    uuid PRIMARY KEY,
    slug  varchar(200) NOT NULL,
    name  varchar(500) NOT NULL
);
CREATE INDEX directory_event_slug ON directory_event (slug);
