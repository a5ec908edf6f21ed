package org.exprflow.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes every JSON file exprflow produces (Jackson tree model), deterministically so that two runs
 * that computed the same values write the same bytes:
 * <ul>
 * <li>object keys sorted (by {@link String#compareTo}), whatever order the writer built them in;</li>
 * <li>floating-point numbers through {@link Canonical#number} (12 significant digits, the form of the
 * TSV files), NaN and infinities as null; integers as they are;</li>
 * <li>two-space indentation, one value per line, {@code "key": value}, {@code {}} and {@code []}
 * when empty, and a final newline.</li>
 * </ul>
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private JsonOutput() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** The text of a JSON value, with its final newline. */
    public static String render(JsonNode value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new CanonicalNumbers(MAPPER.createGenerator(out))) {
            g.setPrettyPrinter(layout());
            MAPPER.writeTree(g, value);
        } catch (IOException e) {
            // A StringWriter does not fail; anything here is a bug.
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** Writes a JSON value to a file through {@link AtomicOutput}. */
    public static void write(Path path, JsonNode value) throws IOException {
        AtomicOutput.writeString(path, render(value));
    }

    /** A new printer per document: DefaultPrettyPrinter keeps the nesting level as state. */
    private static DefaultPrettyPrinter layout() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /**
     * Jackson writes a double with its shortest round-trip form (0.1 + 0.2 = 0.30000000000000004) and
     * fails on NaN; exprflow's files carry the canonical 12 digits instead, so a last-bit difference
     * between platforms never reaches a published file, and an undefined metric is null.
     */
    private static final class CanonicalNumbers extends JsonGeneratorDelegate {
        CanonicalNumbers(JsonGenerator d) {
            super(d, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                writeNull();
            } else {
                writeNumber(Canonical.number(v));
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            writeNumber((double) v);
        }
    }
}
