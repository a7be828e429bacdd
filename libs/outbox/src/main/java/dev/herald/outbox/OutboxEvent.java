package dev.herald.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;

/** A CloudEvent waiting to be relayed to Kafka, written in the transaction of the change it describes. */
@Entity
@Table(name = "outbox")
public class OutboxEvent {

    /** Also the CloudEvent id, so a resend after a crash carries the same id for consumers to de-duplicate. */
    @Id
    public UUID id;
    /** Insertion order from the database: the relay sends in this order. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long position;
    /** The record key, so that all events of one aggregate stay in order on one partition. */
    public UUID aggregateId;
    public String type;
    public String subject;
    public String payload;
    public Instant occurredAt;
    public Instant sentAt;
    /** Set when Kafka refused the record for good (too large, say): the relay passes over it until an admin retries. */
    public Instant parkedAt;
    public String parkedReason;
    /** The W3C trace context of the change, so that the event continues its trace; null when none was traced. */
    public String traceparent;
    public String tracestate;
}
