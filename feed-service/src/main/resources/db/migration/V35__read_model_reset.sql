-- Empties what feed-service derives from the topics, so that a consumer group read from the start rebuilds it
-- (./herald up --rebuild-feeds). Subscriptions and their deliveries are not derived: they stay.
create function reset_read_model() returns void language plpgsql as $$
begin
    truncate report, report_revision, processed_event, event_directory, person_directory, erased_author, dead_letter;
    update read_model_version set version = version + 1;
end $$;
