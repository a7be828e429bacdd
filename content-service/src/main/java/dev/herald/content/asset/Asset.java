package dev.herald.content.asset;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An image of a report. New bytes get a new asset (and URL), so a served asset never changes. */
@Entity
@Table(name = "asset")
public class Asset extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID reportId;
    /** The file name the Markdown refers to, e.g. {@code image-1.png}. */
    public String name;
    public String mediaType;
    public long size;
    public String sha256;
    public byte[] bytes;
    public Instant createdAt;
}
