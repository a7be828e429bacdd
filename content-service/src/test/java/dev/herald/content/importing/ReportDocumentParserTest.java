package dev.herald.content.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.herald.content.document.FrontMatter;
import dev.herald.content.document.ReportDocument;
import dev.herald.problem.FieldError;
import dev.herald.problem.ProblemException;

/** The front matter rules on their own, without a Quarkus start: what a report author gets back for each mistake. */
class ReportDocumentParserTest {

    private final ReportDocumentParser parser = new ReportDocumentParser(new Limits(2_000));

    @Test
    void typesTheFrontMatterAndKeepsTheBodyAsWritten() {
        ReportDocument document = parser.parse("""
                ---
                title: "Python Language Summit 2019"
                publishDate: 2019-05-31
                updatedDate: '2019-06-01T09:30:00+02:00'
                author: "  A. Jesse Jiryu Davis "
                tags: [summit, pycon]
                published: true
                ---
                # Summit

                Body *as written*.
                """);

        FrontMatter front = document.frontMatter();
        assertEquals("Python Language Summit 2019", front.title());
        assertEquals(Instant.parse("2019-05-31T00:00:00Z"), front.publishDate(), "a bare date is midnight UTC");
        assertEquals(Instant.parse("2019-06-01T07:30:00Z"), front.updatedDate());
        assertEquals("A. Jesse Jiryu Davis", front.author());
        assertEquals(List.of("summit", "pycon"), front.tags());
        assertEquals(Boolean.TRUE, front.published());
        assertNull(front.description());
        assertEquals("# Summit\n\nBody *as written*.\n", document.body());
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreAccepted() {
        ReportDocument document = parser.parse("\uFEFF---\r\ntitle: Sprint\r\n---\r\nBody\r\n");

        assertEquals("Sprint", document.frontMatter().title());
        assertEquals("Body\r\n", document.body());
    }

    @Test
    void everyWrongKeyIsNamedAtOnce() {
        ProblemException problem = assertThrows(ProblemException.class, () -> parser.parse("""
                ---
                title: 42
                publishDate: next tuesday
                tags: just-one
                published: maybe
                colour: blue
                ---
                """));

        assertEquals(400, problem.status());
        assertEquals(List.of("colour", "publishDate", "published", "tags", "title"),
                problem.errors().stream().map(FieldError::field).sorted().toList());
    }

    @Test
    void aMissingOrBlankTitleIsRequired() {
        ProblemException missing = assertThrows(ProblemException.class, () -> parser.parse("---\nauthor: x\n---\n"));
        ProblemException blank = assertThrows(ProblemException.class, () -> parser.parse("---\ntitle: ' '\n---\n"));

        assertEquals(List.of(new FieldError("title", "is required")), missing.errors());
        assertEquals(List.of(new FieldError("title", "is required")), blank.errors());
    }

    @Test
    void aDocumentWithoutFrontMatterOrItsClosingLineIsRefused() {
        assertEquals("frontMatter", onlyField(() -> parser.parse("# Just Markdown\n")));
        assertEquals("frontMatter", onlyField(() -> parser.parse("---\ntitle: Open\n\nbody")));
        assertEquals("frontMatter", onlyField(() -> parser.parse("---\n- a\n- list\n---\n")));
        assertEquals("frontMatter", onlyField(() -> parser.parse("---\ntitle: [unclosed\n---\n")));
    }

    @Test
    void anAliasBombFailsFastAsInvalidYaml() {
        StringBuilder yaml = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char level = 'b'; level <= 'l'; level++) {
            char previous = (char) (level - 1);
            yaml.append(level).append(": &").append(level).append(" [*").append(previous).append(", *").append(previous)
                    .append(", *").append(previous).append("]\n");
        }
        yaml.append("title: boom\n---\n");

        assertEquals("frontMatter", onlyField(() -> new ReportDocumentParser(new Limits(100_000)).parse(yaml.toString())));
    }

    @Test
    void aDocumentOverTheLimitIsTooLarge() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> parser.parse("---\ntitle: Long\n---\n" + "x".repeat(2_000)));

        assertEquals(413, problem.status());
        assertEquals("body", problem.errors().get(0).field());
    }

    private static String onlyField(org.junit.jupiter.api.function.Executable parse) {
        ProblemException problem = assertThrows(ProblemException.class, parse);
        assertEquals(400, problem.status());
        assertEquals(1, problem.errors().size(), problem.errors().toString());
        return problem.errors().get(0).field();
    }

    private record Limits(int maxDocumentChars) implements ImportConfig {
        public long maxRequestBytes() {
            return 1 << 20;
        }

        public int maxEntries() {
            return 10;
        }

        public long maxEntryBytes() {
            return 1 << 20;
        }

        public long maxExpandedBytes() {
            return 1 << 20;
        }

        public int maxExpansionRatio() {
            return 100;
        }

        public int maxFileNameChars() {
            return 100;
        }
    }
}
