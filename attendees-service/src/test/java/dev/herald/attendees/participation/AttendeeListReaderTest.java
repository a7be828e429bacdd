package dev.herald.attendees.participation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.herald.problem.FieldError;
import dev.herald.problem.ProblemException;

/** How an attendee list is read, row by row, without a Quarkus start. */
class AttendeeListReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonRowsKeepTheirIndexAndUnreadableRowsSayWhy() throws Exception {
        List<AttendeeLine> lines = AttendeeListReader.json(JSON.readTree("""
                [{"person": "guido-van-rossum", "roles": ["attendee", "organiser"]},
                 {"person": 7},
                 {"person": "Ned Batchelder", "roles": "speaker"},
                 {"person": "Łukasz Langa"}]
                """));

        assertEquals(List.of(
                new AttendeeLine(0, "guido-van-rossum", List.of("attendee", "organiser"), List.of()),
                AttendeeLine.unreadable(1, "person", "must be a person slug or name"),
                AttendeeLine.unreadable(2, "roles", "must be an array of roles"),
                new AttendeeLine(3, "Łukasz Langa", List.of(), List.of())), lines);
    }

    @Test
    void jsonThatIsNotAnArrayIsRefused() throws Exception {
        JsonNode object = JSON.readTree("{\"person\": \"x\"}");

        assertEquals(List.of("body"), fields(assertThrows(ProblemException.class, () -> AttendeeListReader.json(object))));
        assertEquals(List.of("body"), fields(assertThrows(ProblemException.class, () -> AttendeeListReader.json(null))));
    }

    @Test
    void csvRowsAreNumberedByLineWithQuotedFieldsAndBlankLinesSkipped() {
        List<AttendeeLine> lines = AttendeeListReader.csv("""
                Person , ROLES
                eric-snow,attendee; mentor ;
                "Smith, ""Bob""\",speaker

                "unterminated,attendee
                one,two,three
                """);

        assertEquals(List.of(
                new AttendeeLine(2, "eric-snow", List.of("attendee", "mentor"), List.of()),
                new AttendeeLine(3, "Smith, \"Bob\"", List.of("speaker"), List.of()),
                AttendeeLine.unreadable(5, "body", "has an unterminated quote"),
                AttendeeLine.unreadable(6, "body", "must have 2 fields (person,roles), has 3")), lines);
    }

    @Test
    void csvWithoutItsHeaderIsRefused() {
        assertEquals(List.of("body"), fields(assertThrows(ProblemException.class,
                () -> AttendeeListReader.csv("eric-snow,attendee\n"))));
        assertEquals(List.of("body"), fields(assertThrows(ProblemException.class, () -> AttendeeListReader.csv(""))));
    }

    @Test
    void aListLongerThanTheLimitIsRefusedWhole() {
        String csv = "person,roles\n" + "someone,attendee\n".repeat(AttendeeListReader.MAX_ROWS + 1);

        ProblemException problem = assertThrows(ProblemException.class, () -> AttendeeListReader.csv(csv));

        assertEquals(400, problem.status());
        assertEquals(List.of(new FieldError("body", "must hold at most 2000 rows")), problem.errors());
        assertEquals(AttendeeListReader.MAX_ROWS,
                AttendeeListReader.csv("person,roles\n" + "someone,attendee\n".repeat(AttendeeListReader.MAX_ROWS)).size());
    }

    private static List<String> fields(ProblemException problem) {
        return problem.errors().stream().map(FieldError::field).toList();
    }
}
