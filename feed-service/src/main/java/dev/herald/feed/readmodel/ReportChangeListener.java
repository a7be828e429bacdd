package dev.herald.feed.readmodel;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Hears each change of the read model inside the transaction that applies it, so that what it records (a queued
 * notification) commits with the change and the consumed offset, or not at all.
 */
public interface ReportChangeListener {

    Uni<Void> onChange(SqlClient tx, ReportChange change);
}
