-- Tombstones of people erased without consent to keep the public record, so that no import brings them back. They
-- hold keyed hashes only: the slug is derived from the name and would give it away as plainly as the name itself.
create table erasure (
    slug_hash  varchar(64) primary key,
    name_hash  varchar(64) not null,
    erased_at  timestamptz not null
);
create index erasure_name_hash_idx on erasure (name_hash);

-- The HMAC key of those hashes, random per installation: a hash is meaningless outside this database and cannot be
-- looked up in a precomputed table. Losing or changing it would let erased people back, so it is never rotated.
create table erasure_key (
    id      boolean primary key default true check (id),
    secret  varchar(64) not null
);
insert into erasure_key (secret) values (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
