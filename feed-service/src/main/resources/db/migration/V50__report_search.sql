-- Full-text search over the read model: a weighted tsvector per report, kept true by PostgreSQL on every upsert.

-- the text a reader sees of a report's HTML: tags dropped, the common entities decoded (immutable, so usable below)
create function report_plain_text(html text) returns text language sql immutable parallel safe as $$
    select replace(replace(replace(replace(replace(replace(
        regexp_replace(html, '<[^>]*>', ' ', 'g'),
        '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')
$$;

-- array_to_string is only stable (it may call any element type's output function); for text[] it is immutable
create function report_tags_text(tags text[]) returns text language sql immutable parallel safe as $$
    select array_to_string(tags, ' ')
$$;

alter table report add column search tsvector generated always as (
    setweight(to_tsvector('english', title), 'A')
    || setweight(to_tsvector('english', summary || ' ' || report_tags_text(tags) || ' ' || author_name), 'B')
    || setweight(to_tsvector('english', report_plain_text(content_html)), 'C')) stored;

create index report_search on report using gin (search);
