-- Bumped by every applied change, so that every instance can tell when its rendered feeds are stale.
create table read_model_version (
    id      int    primary key check (id = 1),
    version bigint not null
);
insert into read_model_version (id, version) values (1, 0);
