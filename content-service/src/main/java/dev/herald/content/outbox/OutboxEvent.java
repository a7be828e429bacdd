package dev.herald.content.outbox;

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
    /** Commit order from a database sequence: the relay sends in this order. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long position;
    public UUID aggregateId;
    public String type;
    public String subject;
    public String payload;
    public Instant occurredAt;
    public Instant sentAt;
}
