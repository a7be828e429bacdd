-- A report, its revision history, its assets and the outbox of its events.
CREATE TABLE report (
    id            uuid PRIMARY KEY,
    slug          varchar(200) NOT NULL UNIQUE,
    title         varchar(500) NOT NULL,
    description   text,
    summary       text NOT NULL,
    author_name   varchar(200) NOT NULL,
    author_slug   varchar(200),
    tags          text[] NOT NULL,
    publish_date  timestamptz,
    updated_date  timestamptz,
    state         varchar(20) NOT NULL CHECK (state IN ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'UNPUBLISHED')),
    legacy_url    varchar(1000) UNIQUE,
    event_slug    varchar(200),
    body          text NOT NULL,
    html          text NOT NULL,
    content_hash  varchar(64) NOT NULL,
    revision      integer NOT NULL,
    created_at    timestamptz NOT NULL,
    modified_at   timestamptz NOT NULL
);
CREATE INDEX report_state_publish_date ON report (state, publish_date);
CREATE INDEX report_tags ON report USING gin (tags);

CREATE TABLE report_revision (
    report_id     uuid NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    revision      integer NOT NULL,
    title         varchar(500) NOT NULL,
    body          text NOT NULL,
    html          text NOT NULL,
    content_hash  varchar(64) NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (report_id, revision)
);

-- bytes never change under an id, so an asset URL can be cached for a year
CREATE TABLE asset (
    id            uuid PRIMARY KEY,
    report_id     uuid NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    name          varchar(300) NOT NULL,
    media_type    varchar(100) NOT NULL,
    size          bigint NOT NULL,
    sha256        varchar(64) NOT NULL,
    bytes         bytea NOT NULL,
    created_at    timestamptz NOT NULL,
    UNIQUE (report_id, name)
);

-- position gives the relay its send order
CREATE TABLE outbox (
    id            uuid PRIMARY KEY,
    position      bigserial NOT NULL UNIQUE,
    aggregate_id  uuid NOT NULL,
    type          varchar(100) NOT NULL,
    subject       varchar(200) NOT NULL,
    payload       text NOT NULL,
    occurred_at   timestamptz NOT NULL,
    sent_at       timestamptz
);
CREATE INDEX outbox_pending ON outbox (position) WHERE sent_at IS NULL;
