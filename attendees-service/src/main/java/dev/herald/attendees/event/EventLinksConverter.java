package dev.herald.attendees.event;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Links are only ever read and written with their event, so they live in one JSON text column. */
@Converter
public class EventLinksConverter implements AttributeConverter<List<EventLink>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<EventLink>> LINKS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<EventLink> links) {
        try {
            return JSON.writeValueAsString(links == null ? List.of() : links);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store event links", e);
        }
    }

    @Override
    public List<EventLink> convertToEntityAttribute(String column) {
        try {
            return column == null ? List.of() : JSON.readValue(column, LINKS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event links are not valid JSON", e);
        }
    }
}
