-- Authors erased at their request, by the SHA-256 of the slug they had: their pages and feeds answer 410 Gone and
-- no report links them again. The hash tells nobody more than the 410 already tells whoever asks for that slug.
create table erased_author (
    slug_sha256 bytea       primary key,
    erased_at   timestamptz not null default now()
);
