package dev.herald.content.directory;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A person as attendees-service last announced them: enough to link a report's author by name. */
@Entity
@Table(name = "directory_person")
public class DirectoryPerson extends PanacheEntityBase {

    @Id
    public UUID id;
    public String slug;
    public String name;
}
