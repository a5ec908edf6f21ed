package org.exprflow.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;
import org.exprflow.io.TextInput;

/**
 * A streaming reader for Weka ARFF files, dense and sparse. Weka's own ArffLoader builds an
 * Instances object through a StreamTokenizer, which is slow and memory-hungry at 20,000 attributes
 * and reports errors by token rather than by line; this reader parses each data line in place.
 *
 * <p>Numeric (numeric, real, integer) attributes become features. The class is the attribute named
 * by {@code classAttribute}, or else the last nominal attribute; it becomes the target "label"
 * (a numeric target when a numeric attribute is named). Other nominal and string attributes become
 * annotation columns. ARFF has no sample ids, so each sample is named after its content (see
 * {@link #contentId}): the same sample keeps its id when the file's rows are reordered, filtered
 * or split into several files, which ids by row number ({@code row3} here, {@code row5} there) did not. Supported syntax: quoted names and values (' or " with backslash escapes),
 * {@code ?} for missing, {@code %} comments, sparse rows {@code {index value, ...}} (omitted
 * numeric values are 0 and omitted nominal values are the first declared level, as in Weka).
 */
public final class ArffReader {
    private enum Kind { NUMERIC, NOMINAL, STRING }

    private record Attribute(String name, Kind kind, List<String> levels, long line) {
    }

    private ArffReader() {
    }

    public static Dataset read(Path file, ReaderOptions options) {
        try (TextInput in = TextInput.open(file)) {
            List<Attribute> attributes = readHeader(in);
            int classIndex = classIndex(file, attributes, options.classAttribute());
            int n = attributes.size();
            // where each attribute's value goes: feature column, or slot among the text attributes
            int[] featureColumn = new int[n];
            int[] textSlot = new int[n];
            List<String> featureIds = new ArrayList<>();
            List<String> textNames = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                Attribute attr = attributes.get(a);
                featureColumn[a] = -1;
                textSlot[a] = -1;
                if (a == classIndex) {
                    continue;
                }
                if (attr.kind() == Kind.NUMERIC) {
                    featureColumn[a] = featureIds.size();
                    featureIds.add(attr.name());
                } else {
                    textSlot[a] = textNames.size();
                    textNames.add(attr.name());
                }
            }
            List<double[]> rows = new ArrayList<>();
            List<String[]> texts = new ArrayList<>();
            List<String> classTexts = new ArrayList<>();
            List<Double> classNumbers = new ArrayList<>();
            RowTokens tokens = new RowTokens();
            String line;
            while ((line = in.readLine()) != null) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("%")) {
                    continue;
                }
                double[] row = new double[featureIds.size()];
                String[] text = new String[textNames.size()];
                Object[] classValue = new Object[1];
                Sink sink = (a, token) -> store(in, attributes.get(a), a, token, tokens,
                        a == classIndex ? classValue : null, featureColumn[a] >= 0 ? row : null, featureColumn[a],
                        textSlot[a] >= 0 ? text : null, textSlot[a]);
                if (t.startsWith("{")) {
                    fillSparseDefaults(attributes, classIndex, row, featureColumn, text, textSlot, classValue);
                    parseSparse(in, line, n, tokens, sink);
                } else {
                    tokens.scan(line, in);
                    if (tokens.count != n) {
                        throw in.error("row has " + tokens.count + " values, the header declares " + n + " attributes");
                    }
                    for (int a = 0; a < n; a++) {
                        sink.accept(a, a);
                    }
                }
                rows.add(row);
                texts.add(text);
                if (classIndex >= 0) {
                    if (attributes.get(classIndex).kind() == Kind.NUMERIC) {
                        classNumbers.add(classValue[0] == null ? Double.NaN : (Double) classValue[0]);
                    } else {
                        classTexts.add((String) classValue[0]);
                    }
                }
            }
            if (rows.isEmpty()) {
                throw UserException.badFile(file, "has no data rows after @data");
            }
            List<String> sampleIds = new ArrayList<>(rows.size());
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                String id = contentId(rows.get(i), texts.get(i),
                        classIndex < 0 ? null : attributes.get(classIndex).kind() == Kind.NUMERIC
                                ? String.valueOf(classNumbers.get(i)) : classTexts.get(i));
                // identical rows are indistinguishable: numbered by occurrence
                int occurrence = seen.merge(id, 1, Integer::sum);
                sampleIds.add(occurrence == 1 ? id : id + "_" + occurrence);
            }
            Map<String, List<String>> annotations = new LinkedHashMap<>();
            for (int s = 0; s < textNames.size(); s++) {
                List<String> column = new ArrayList<>(rows.size());
                for (String[] text : texts) {
                    column.add(text[s]);
                }
                annotations.put(textNames.get(s), column);
            }
            List<Target> targets = new ArrayList<>();
            if (classIndex >= 0) {
                if (attributes.get(classIndex).kind() == Kind.NUMERIC) {
                    targets.add(Target.numeric(GeoSampleLabels.TARGET_NAME,
                            classNumbers.stream().mapToDouble(Double::doubleValue).toArray()));
                } else {
                    targets.add(Target.nominal(GeoSampleLabels.TARGET_NAME, classTexts));
                }
            }
            return new Dataset(file.getFileName().toString(), sampleIds, featureIds, FeatureIdType.OTHER,
                    rows.toArray(new double[0][]), annotations, targets);
        }
    }

    @FunctionalInterface
    private interface Sink {
        /** Stores token number {@code token} of {@link RowTokens} as the value of attribute {@code a}. */
        void accept(int a, int token);
    }

    /**
     * A sample id from a row's content: {@code arff_} and the first 12 hex digits (48 bits) of the
     * SHA-256 of its feature values (exact bits), text values and class. Two different rows share
     * an id with probability about n^2 / 2^49, under 1e-5 for 50,000 samples.
     */
    static String contentId(double[] values, String[] texts, String classValue) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        ByteBuffer bits = ByteBuffer.allocate(8 * values.length);
        for (double v : values) {
            bits.putLong(Double.doubleToLongBits(v));
        }
        sha.update(bits.array());
        for (String t : texts) {
            sha.update((t == null ? "\u0000?" : "\u0000" + t).getBytes(StandardCharsets.UTF_8));
        }
        sha.update(("\u0001" + (classValue == null ? "?" : classValue)).getBytes(StandardCharsets.UTF_8));
        return "arff_" + HexFormat.of().formatHex(sha.digest(), 0, 6);
    }

    private static void store(TextInput in, Attribute attr, int a, int token, RowTokens tokens, Object[] classValue,
                              double[] row, int column, String[] text, int slot) {
        if (tokens.isEmpty(token)) {
            throw in.error("attribute " + (a + 1) + " '" + attr.name() + "' has an empty value; write ? for missing");
        }
        boolean missing = tokens.isMissing(token);
        if (attr.kind() == Kind.NUMERIC) {
            double v;
            try {
                v = missing ? Double.NaN : tokens.number(token);
            } catch (NumberFormatException e) {
                throw in.error("attribute " + (a + 1) + " '" + attr.name() + "': '" + tokens.text(token)
                        + "' is not a number");
            }
            if (classValue != null) {
                classValue[0] = v;
            } else {
                row[column] = v;
            }
            return;
        }
        String value = missing ? null : tokens.text(token);
        if (value != null && attr.kind() == Kind.NOMINAL && !attr.levels().contains(value)) {
            throw in.error("attribute " + (a + 1) + " '" + attr.name() + "': '" + value
                    + "' is not one of its declared values " + attr.levels());
        }
        if (classValue != null) {
            classValue[0] = value;
        } else {
            text[slot] = value;
        }
    }

    private static void fillSparseDefaults(List<Attribute> attributes, int classIndex, double[] row,
                                           int[] featureColumn, String[] text, int[] textSlot, Object[] classValue) {
        for (int a = 0; a < attributes.size(); a++) {
            Attribute attr = attributes.get(a);
            String nominalDefault = attr.kind() == Kind.NOMINAL ? attr.levels().get(0) : null;
            if (a == classIndex) {
                classValue[0] = attr.kind() == Kind.NUMERIC ? (Object) 0.0 : nominalDefault;
            } else if (featureColumn[a] >= 0) {
                row[featureColumn[a]] = 0.0;
            } else {
                text[textSlot[a]] = nominalDefault;
            }
        }
    }

    /** A sparse row: {@code {index value, index value, ...}} with 0-based attribute indices. */
    private static void parseSparse(TextInput in, String line, int n, RowTokens tokens, Sink sink) {
        int open = line.indexOf('{');
        int close = line.lastIndexOf('}');
        if (close < open) {
            throw in.error("sparse row lacks its closing '}'");
        }
        String body = line.substring(open + 1, close);
        if (body.isBlank()) {
            return;
        }
        // each comma-separated cell is "index value"; splitting the index off turns it into a dense cell
        tokens.scan(body, in);
        int previous = -1;
        for (int k = 0; k < tokens.count; k++) {
            if (tokens.quoted[k] != null) {
                throw in.error("sparse entry " + (k + 1) + " must start with an attribute index");
            }
            int start = tokens.starts[k];
            int end = tokens.ends[k];
            int space = start;
            while (space < end && body.charAt(space) > ' ') {
                space++;
            }
            int index;
            try {
                index = Integer.parseInt(body.substring(start, space));
            } catch (NumberFormatException e) {
                throw in.error("sparse entry '" + body.substring(start, end) + "' must be 'index value'");
            }
            if (index < 0 || index >= n) {
                throw in.error("sparse attribute index " + index + " is outside 0.." + (n - 1));
            }
            if (index <= previous) {
                throw in.error("sparse attribute indices must increase (" + index + " after " + previous + ")");
            }
            previous = index;
            tokens.narrowToValue(k, body, space);
            sink.accept(index, k);
        }
    }

    private static List<Attribute> readHeader(TextInput in) {
        List<Attribute> attributes = new ArrayList<>();
        Map<String, Long> names = new HashMap<>();
        boolean relation = false;
        String line;
        while ((line = in.readLine()) != null) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("%")) {
                continue;
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith("@relation")) {
                relation = true;
            } else if (lower.startsWith("@attribute")) {
                if (!relation) {
                    throw in.error("@attribute before @relation");
                }
                Attribute attr = parseAttribute(in, t.substring("@attribute".length()).strip());
                Long before = names.putIfAbsent(attr.name(), in.lineNumber());
                if (before != null) {
                    throw in.error("duplicate attribute name '" + attr.name() + "' (first on line " + before + ")");
                }
                attributes.add(attr);
            } else if (lower.startsWith("@data")) {
                if (attributes.isEmpty()) {
                    throw in.error("@data before any @attribute");
                }
                return attributes;
            } else {
                throw in.error(relation ? "expected @attribute or @data, found '" + abbreviate(t) + "'"
                        : "not an ARFF file: expected @relation, found '" + abbreviate(t) + "'");
            }
        }
        if (in.lineNumber() == 0) {
            throw UserException.badFile(in.path(), "is empty");
        }
        throw UserException.badLine(in.path(), in.lineNumber(), "file ends before @data");
    }

    private static Attribute parseAttribute(TextInput in, String rest) {
        if (rest.isEmpty()) {
            throw in.error("@attribute needs a name and a type");
        }
        String name;
        int i;
        char q = rest.charAt(0);
        if (q == '\'' || q == '"') {
            StringBuilder sb = new StringBuilder();
            i = 1;
            while (i < rest.length() && rest.charAt(i) != q) {
                char c = rest.charAt(i);
                if (c == '\\' && i + 1 < rest.length()) {
                    c = rest.charAt(++i);
                }
                sb.append(c);
                i++;
            }
            if (i >= rest.length()) {
                throw in.error("attribute name has no closing quote");
            }
            name = sb.toString();
            i++;
        } else {
            i = 0;
            while (i < rest.length() && !Character.isWhitespace(rest.charAt(i)) && rest.charAt(i) != '{') {
                i++;
            }
            name = rest.substring(0, i);
        }
        String type = rest.substring(i).strip();
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.equals("numeric") || lower.equals("real") || lower.equals("integer")) {
            return new Attribute(name, Kind.NUMERIC, List.of(), in.lineNumber());
        }
        if (lower.equals("string")) {
            return new Attribute(name, Kind.STRING, List.of(), in.lineNumber());
        }
        if (type.startsWith("{")) {
            int close = type.lastIndexOf('}');
            if (close < 0) {
                throw in.error("nominal attribute '" + name + "' lacks its closing '}'");
            }
            RowTokens levels = new RowTokens();
            levels.scan(type.substring(1, close), in);
            List<String> values = new ArrayList<>(levels.count);
            for (int k = 0; k < levels.count; k++) {
                values.add(levels.text(k));
            }
            if (values.isEmpty() || values.contains("")) {
                throw in.error("nominal attribute '" + name + "' declares an empty value");
            }
            return new Attribute(name, Kind.NOMINAL, List.copyOf(values), in.lineNumber());
        }
        throw in.error("attribute '" + name + "' has type '" + type
                + "'; exprflow reads numeric, real, integer, nominal {..} and string attributes");
    }

    private static int classIndex(Path file, List<Attribute> attributes, String requested) {
        if (requested != null) {
            for (int a = 0; a < attributes.size(); a++) {
                if (attributes.get(a).name().equals(requested)) {
                    if (attributes.get(a).kind() == Kind.STRING) {
                        throw UserException.badParameter("--label-column " + requested + ": a string attribute cannot be "
                                + "the class; use a nominal or numeric one");
                    }
                    return a;
                }
            }
            throw UserException.badParameter("--label-column " + requested + ": " + file + " has no attribute of that name");
        }
        for (int a = attributes.size() - 1; a >= 0; a--) {
            if (attributes.get(a).kind() == Kind.NOMINAL) {
                return a;
            }
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /**
     * The comma-separated values of one data line, as boundaries into the line plus, for quoted
     * values only, the unescaped text. A '%' outside quotes starts a comment. One instance is
     * reused for every line.
     */
    private static final class RowTokens {
        String line;
        int count;
        int[] starts = new int[64];
        int[] ends = new int[64];
        String[] quoted = new String[64];

        void scan(String newLine, TextInput in) {
            line = newLine;
            count = 0;
            int n = newLine.length();
            int i = 0;
            while (true) {
                while (i < n && (newLine.charAt(i) == ' ' || newLine.charAt(i) == '\t')) {
                    i++;
                }
                if (i < n && newLine.charAt(i) == '%') {
                    // a comment after the last value; a row ending in a comma still needs its value
                    if (count == 0) {
                        return;
                    }
                    throw in.error("value " + (count + 1) + " is missing before the comment");
                }
                ensureCapacity();
                char c = i < n ? newLine.charAt(i) : 0;
                if (c == '\'' || c == '"') {
                    StringBuilder sb = new StringBuilder();
                    int j = i + 1;
                    while (j < n && newLine.charAt(j) != c) {
                        char d = newLine.charAt(j);
                        if (d == '\\' && j + 1 < n) {
                            d = newLine.charAt(++j);
                        }
                        sb.append(d);
                        j++;
                    }
                    if (j >= n) {
                        throw in.error("value " + (count + 1) + " has no closing quote");
                    }
                    starts[count] = i;
                    ends[count] = j + 1;
                    quoted[count] = sb.toString();
                    count++;
                    i = j + 1;
                    while (i < n && newLine.charAt(i) != ',' && newLine.charAt(i) != '%') {
                        if (newLine.charAt(i) > ' ') {
                            throw in.error("unexpected text after quoted value " + count);
                        }
                        i++;
                    }
                } else {
                    int j = i;
                    while (j < n && newLine.charAt(j) != ',' && newLine.charAt(j) != '%') {
                        j++;
                    }
                    int end = j;
                    while (end > i && newLine.charAt(end - 1) <= ' ') {
                        end--;
                    }
                    starts[count] = i;
                    ends[count] = end;
                    quoted[count] = null;
                    count++;
                    i = j;
                }
                if (i >= n || newLine.charAt(i) == '%') {
                    return;
                }
                i++; // the comma
            }
        }

        /** For a sparse entry "index value": keep only the value part, from {@code from}. */
        void narrowToValue(int k, String body, int from) {
            int s = from;
            while (s < ends[k] && body.charAt(s) <= ' ') {
                s++;
            }
            starts[k] = s;
            if (s < ends[k] && (body.charAt(s) == '\'' || body.charAt(s) == '"')) {
                quoted[k] = body.substring(s + 1, ends[k] - 1);
            }
        }

        boolean isEmpty(int k) {
            return quoted[k] == null && ends[k] == starts[k];
        }

        boolean isMissing(int k) {
            return quoted[k] == null && ends[k] - starts[k] == 1 && line.charAt(starts[k]) == '?';
        }

        String text(int k) {
            return quoted[k] != null ? quoted[k] : line.substring(starts[k], ends[k]);
        }

        double number(int k) {
            return quoted[k] != null ? DecimalParser.parse(quoted[k]) : DecimalParser.parse(line, starts[k], ends[k]);
        }

        private void ensureCapacity() {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                quoted = Arrays.copyOf(quoted, count * 2);
            }
        }
    }
}
