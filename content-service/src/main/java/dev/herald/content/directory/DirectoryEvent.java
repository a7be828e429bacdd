package dev.herald.content.directory;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A gathering as attendees-service last announced it. */
@Entity
@Table(name = "directory_event")
public class DirectoryEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    public String slug;
    public String name;
}
