package org.exprflow.score;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.io.Fields;

/**
 * The column separators a score input may use. Published prediction files and expression tables come
 * as TSV, CSV or space-aligned text; {@link DelimitedTable} picks one from the first lines.
 */
enum Delimiter {
    TAB("tab"),
    COMMA("comma"),
    WHITESPACE("whitespace");

    final String label;

    Delimiter(String label) {
        this.label = label;
    }

    /** The cells of a line, trimmed; CSV-style double quotes are removed (Fields.split rules). */
    List<String> split(String line) {
        List<String> cells = switch (this) {
            case TAB -> Fields.split(line, '\t');
            case COMMA -> Fields.split(line, ',');
            case WHITESPACE -> splitOnWhitespace(line);
        };
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) {
            out.add(c.trim());
        }
        return out;
    }

    /** True when the line contains this separator at all (a one-column line is never evidence). */
    boolean occursIn(String line) {
        return switch (this) {
            case TAB -> line.indexOf('\t') >= 0;
            case COMMA -> line.indexOf(',') >= 0;
            case WHITESPACE -> line.trim().chars().anyMatch(Character::isWhitespace);
        };
    }

    /** Runs of spaces or tabs separate cells; leading and trailing blanks (column alignment) do not. */
    private static List<String> splitOnWhitespace(String line) {
        List<String> out = new ArrayList<>();
        for (String cell : line.trim().split("\\s+")) {
            out.add(Fields.unquote(cell));
        }
        return out;
    }
}
