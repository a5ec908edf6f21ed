package org.exprflow.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.io.AtomicOutput;

/**
 * The file format in which datasets travel between pipeline stages ({@code .xfd}). It is binary,
 * versioned and deterministic: the same dataset always gives the same bytes (no timestamps, no
 * hash-map order), so Nextflow's cache and cmp-based checks see real changes only.
 *
 * <pre>
 * magic "XFDS" | int formatVersion
 * UTF name | UTF featureIdType
 * int nSamples, UTF sampleId * nSamples
 * int nFeatures, UTF featureId * nFeatures
 * int nAnnotations, (UTF column, UTF value * nSamples) * nAnnotations   ("\u0000" encodes null)
 * int nTargets, (UTF name, UTF kind, int nLevels, UTF level * nLevels, double * nSamples) * nTargets
 * UTF valueKind                                                          (version 2 on)
 * int nFeatureAnnotations, (UTF column, UTF value * nFeatures) * nFeatureAnnotations   (version 2 on)
 * byte storage (0 = dense), then nSamples rows of nFeatures little-endian doubles
 * </pre>
 * Storage code 1 is reserved for a sparse layout (genomic bins). Version 2 added the value kind
 * (counts, abundance, expression) and the feature annotations; a version 1 file reads as an
 * expression dataset without feature annotations.
 */
public final class DatasetFile {
    public static final int FORMAT_VERSION = 2;
    private static final byte[] MAGIC = {'X', 'F', 'D', 'S'};
    private static final String NULL = "\u0000";
    private static final byte DENSE = 0;

    private DatasetFile() {
    }

    public static void write(Dataset d, Path path) throws IOException {
        AtomicOutput.writeBytes(path, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeUTF(d.name());
            out.writeUTF(d.featureIdType().name());
            writeStrings(out, d.sampleIds());
            writeStrings(out, d.featureIds());
            out.writeInt(d.annotations().size());
            for (Map.Entry<String, List<String>> e : d.annotations().entrySet()) {
                out.writeUTF(e.getKey());
                for (String v : e.getValue()) {
                    out.writeUTF(v == null ? NULL : v);
                }
            }
            out.writeInt(d.targets().size());
            for (Target t : d.targets()) {
                out.writeUTF(t.name());
                out.writeUTF(t.kind().name());
                writeStrings(out, t.levels());
                for (int i = 0; i < t.size(); i++) {
                    out.writeDouble(t.value(i));
                }
            }
            out.writeUTF(d.valueKind().name());
            out.writeInt(d.featureAnnotations().columns().size());
            for (Map.Entry<String, List<String>> e : d.featureAnnotations().columns().entrySet()) {
                out.writeUTF(e.getKey());
                for (String v : e.getValue()) {
                    out.writeUTF(v == null ? NULL : v);
                }
            }
            out.writeByte(DENSE);
            ByteBuffer buf = ByteBuffer.allocate(8 * Math.max(1, d.featureCount())).order(ByteOrder.LITTLE_ENDIAN);
            for (int s = 0; s < d.sampleCount(); s++) {
                buf.clear();
                buf.asDoubleBuffer().put(d.row(s));
                out.write(buf.array(), 0, 8 * d.featureCount());
            }
            out.flush();
        });
    }

    public static Dataset read(Path path) {
        return read(path, null);
    }

    /**
     * Everything of a dataset file but its matrix: what a step needs to choose the columns it will
     * read with {@link #readColumns}. Reading it costs the ids, not the values.
     */
    public record Header(String name, FeatureIdType featureIdType, List<String> sampleIds, List<String> featureIds) {
        public int featureCount() {
            return featureIds.size();
        }
    }

    public static Header readHeader(Path path) {
        return withPreamble(path, (in, p) -> new Header(p.name, p.type, p.samples, p.features));
    }

    /** What a reader does after the preamble, with the stream positioned at the matrix. */
    @FunctionalInterface
    private interface AfterPreamble<T> {
        T read(DataInputStream in, Preamble preamble) throws IOException;
    }

    /**
     * Opens the file, reads its preamble and hands both to {@code body}; every way a read can fail
     * becomes one user error naming the file (missing, truncated, unreadable or malformed).
     */
    private static <T> T withPreamble(Path path, AfterPreamble<T> body) {
        try (InputStream raw = Files.newInputStream(path);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            return body.read(in, readPreamble(in, path));
        } catch (NoSuchFileException e) {
            throw UserException.badFile(path, "no such file");
        } catch (EOFException e) {
            throw UserException.badFile(path, "dataset file is truncated");
        } catch (IOException | IllegalArgumentException e) {
            throw cannotRead(path, e);
        }
    }

    /**
     * The dataset with only the given columns, in the given order (each at most once): samples,
     * sample annotations and targets whole, feature ids and feature annotations of those columns.
     * The matrix is scanned row by row through one row's buffer and only the chosen columns are kept,
     * so the memory is samples × columns values whatever the file's number of features (landmark-fit
     * reads the landmarks and one chunk's targets of a genome-wide dataset this way). The bytes read
     * are still the whole file. Same values as {@link #read} followed by {@link Dataset#subsetFeatures}.
     */
    public static Dataset readColumns(Path path, int[] columns) {
        return read(path, columns.clone());
    }

    /** @param columns null: every column */
    private static Dataset read(Path path, int[] columns) {
        return withPreamble(path, (in, p) -> {
            byte storage = in.readByte();
            if (storage != DENSE) {
                throw UserException.badFile(path, "unsupported matrix storage code " + storage);
            }
            int nSamples = p.samples.size();
            int nFeatures = p.features.size();
            if (8L * nSamples * nFeatures > p.size) {
                throw UserException.badFile(path, "dataset file is corrupt or truncated: " + nSamples + " x "
                        + nFeatures + " values cannot fit in " + p.size + " bytes");
            }
            byte[] bytes = new byte[8 * nFeatures];
            if (columns == null) {
                double[][] values = new double[nSamples][nFeatures];
                for (int s = 0; s < nSamples; s++) {
                    in.readFully(bytes);
                    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values[s]);
                }
                return new Dataset(p.name, p.samples, p.features, p.type, values, p.ann, p.targets, p.valueKind,
                        p.featureAnnotations);
            }
            checkColumns(columns, nFeatures);
            double[][] values = new double[nSamples][columns.length];
            ByteBuffer row = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int s = 0; s < nSamples; s++) {
                in.readFully(bytes);
                double[] kept = values[s];
                for (int j = 0; j < columns.length; j++) {
                    kept[j] = row.getDouble(8 * columns[j]);
                }
            }
            List<String> ids = new ArrayList<>(columns.length);
            for (int c : columns) {
                ids.add(p.features.get(c));
            }
            return new Dataset(p.name, p.samples, ids, p.type, values, p.ann, p.targets, p.valueKind,
                    p.featureAnnotations.subset(columns));
        });
    }

    /** Chosen columns come from the caller's own matching, so a bad one is a bug, not the file's fault. */
    private static void checkColumns(int[] columns, int nFeatures) {
        java.util.BitSet seen = new java.util.BitSet(nFeatures);
        for (int c : columns) {
            if (c < 0 || c >= nFeatures || seen.get(c)) {
                throw new IllegalStateException("column " + c + " is out of range 0.." + (nFeatures - 1) + " or chosen twice");
            }
            seen.set(c);
        }
    }

    private static UserException cannotRead(Path path, Exception e) {
        // the message may quote bytes of a corrupt file (an enum name): one printable line (found by fuzzing)
        String why = String.valueOf(e.getMessage()).replaceAll("\\p{Cntrl}", "?");
        return UserException.badFile(path, "cannot read dataset: " + (why.length() > 200 ? why.substring(0, 200) + "..." : why));
    }

    /** What precedes the matrix. */
    private record Preamble(String name, FeatureIdType type, List<String> samples, List<String> features,
                            Map<String, List<String>> ann, List<Target> targets, ValueKind valueKind,
                            FeatureAnnotations featureAnnotations, long size) {
    }

    private static Preamble readPreamble(DataInputStream in, Path path) throws IOException {
        byte[] magic = new byte[4];
        in.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw UserException.badFile(path, "not an exprflow dataset (.xfd); run 'exprflow import' first");
        }
        int version = in.readInt();
        if (version > FORMAT_VERSION) {
            throw UserException.badFile(path, "dataset format version " + version
                    + " is newer than this exprflow supports (" + FORMAT_VERSION + "); upgrade exprflow");
        }
        String name = in.readUTF();
        FeatureIdType type = FeatureIdType.valueOf(in.readUTF());
        // Counts are checked against the file's size before anything is allocated: a corrupt count
        // must be a one-line error, not an OutOfMemoryError (found by fuzzing).
        long size = Files.size(path);
        List<String> samples = readStrings(in, size, path);
        List<String> features = readStrings(in, size, path);
        Map<String, List<String>> ann = readAnnotationColumns(in, samples.size());
        int nTargets = in.readInt();
        List<Target> targets = new ArrayList<>();
        for (int t = 0; t < nTargets; t++) {
            String tname = in.readUTF();
            Target.Kind kind = Target.Kind.valueOf(in.readUTF());
            List<String> levels = readStrings(in, size, path);
            double[] v = new double[samples.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = in.readDouble();
            }
            targets.add(kind == Target.Kind.NOMINAL ? Target.nominal(tname, levels, v) : Target.numeric(tname, v));
        }
        ValueKind valueKind = ValueKind.EXPRESSION;
        FeatureAnnotations featureAnnotations = FeatureAnnotations.NONE;
        if (version >= 2) {
            valueKind = ValueKind.valueOf(in.readUTF());
            featureAnnotations = new FeatureAnnotations(readAnnotationColumns(in, features.size()), features.size());
        }
        return new Preamble(name, type, samples, features, ann, targets, valueKind, featureAnnotations, size);
    }

    /** A count, then per column its name and one value per sample (or per feature); NULL marks no value. */
    private static Map<String, List<String>> readAnnotationColumns(DataInputStream in, int length) throws IOException {
        int n = in.readInt();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            String name = in.readUTF();
            List<String> values = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                String v = in.readUTF();
                values.add(NULL.equals(v) ? null : v);
            }
            columns.put(name, values);
        }
        return columns;
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    /** A count, then that many strings; each costs at least its two length bytes, so n is at most size / 2. */
    private static List<String> readStrings(DataInputStream in, long size, Path path) throws IOException {
        int n = in.readInt();
        if (n < 0 || 2L * n > size) {
            throw UserException.badFile(path, "dataset file is corrupt: a list of " + n + " names in " + size + " bytes");
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }
}
