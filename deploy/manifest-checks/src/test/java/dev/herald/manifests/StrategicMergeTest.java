package dev.herald.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

class StrategicMergeTest {

    private static ObjectNode yaml(String text) throws JsonProcessingException {
        return (ObjectNode) Yaml.MAPPER.readTree(text);
    }

    @Test
    void keyedListsOfBuiltInKindsMergeItemByItem() throws JsonProcessingException {
        ObjectNode target = yaml("""
                containers:
                  - name: app
                    image: a
                    env: [{name: A, value: "1"}, {name: B, value: "2"}]
                """);
        StrategicMerge.apply(target, yaml("""
                containers:
                  - name: app
                    env: [{name: B, value: "3"}, {name: C, value: "4"}]
                """), true);
        assertEquals(yaml("""
                containers:
                  - name: app
                    image: a
                    env: [{name: A, value: "1"}, {name: B, value: "3"}, {name: C, value: "4"}]
                """), target);
    }

    @Test
    void listsOfCustomResourcesAreReplaced() throws JsonProcessingException {
        ObjectNode target = yaml("listeners: [{name: plain, port: 9092}, {name: tls, port: 9093}]");
        StrategicMerge.apply(target, yaml("listeners: [{name: plain, port: 9094}]"), false);
        assertEquals(yaml("listeners: [{name: plain, port: 9094}]"), target);
    }

    @Test
    void listWithUnknownMergeStrategyIsRefused() throws JsonProcessingException {
        ObjectNode target = yaml("ports: [{containerPort: 8080}]");
        assertThrows(IllegalArgumentException.class, () -> StrategicMerge.apply(target, yaml("ports: [{containerPort: 8081}]"), true));
    }
}
