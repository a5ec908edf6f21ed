package org.exprflow.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.exprflow.core.UserException;
import org.exprflow.core.Versions;

/**
 * A saved object (a fitted model) as a file: four magic bytes, a format version and (from format 2)
 * the writing exprflow's version in front of its Java serialisation. Files of an older format are
 * refused, naming the exprflow that wrote them: the classes behind them may have changed. The header lets exprflow reject a file that is not of the expected kind, or
 * one written by a newer exprflow, with one clear line instead of a deserialisation stack trace.
 * Each kind of file has its own magic and version ({@code model.ModelFile}, {@code
 * landmark.LandmarkModelFile}). Deserialisation runs behind {@link ModelInputFilter}: an allow-list of
 * classes and limits on depth, array lengths, references and bytes, so a hostile or corrupt file is a
 * one-line error (exit 3), never an out-of-memory error or a gadget's side effect.
 *
 * @param magic       four bytes naming the kind of file
 * @param version     the newest format version this exprflow writes and reads
 * @param noun        what the file holds, for messages ("model", "landmark model")
 * @param description what the file is and which step writes it, for messages ("exprflow model file
 *                    (.xfm written by 'exprflow train')")
 */
public record VersionedObjectFile<T extends Serializable>(byte[] magic, int version, Class<T> type, String noun,
                                                          String description) {
    /** From this format version on, the header also names the exprflow that wrote the file. */
    static final int WRITER_RECORDED_FROM = 2;
    /** Every file of format 1 (either kind) was written by this release. */
    static final String FIRST_WRITER = "exprflow 0.1.0";

    public void write(T object, Path path) throws IOException {
        AtomicOutput.writeBytes(path, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.write(magic);
            data.writeInt(version);
            if (version >= WRITER_RECORDED_FROM) {
                data.writeUTF(Versions.exprflowLine());
            }
            data.flush();
            ObjectOutputStream oos = new ObjectOutputStream(out);
            oos.writeObject(object);
            oos.flush();
        });
    }

    /**
     * True when the file starts with this kind's magic bytes (false when it is shorter, unreadable or
     * absent): lets a reader of several kinds ({@code exprflow inspect}) pick one before reading.
     */
    public boolean matches(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return Arrays.equals(in.readNBytes(magic.length), magic);
        } catch (IOException e) {
            return false;
        }
    }

    public T read(Path path) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path))) {
            DataInputStream data = new DataInputStream(raw);
            byte[] head = new byte[magic.length];
            try {
                data.readFully(head);
            } catch (EOFException e) {
                throw UserException.badFile(path, "not an " + description + " (too short)");
            }
            if (!Arrays.equals(head, magic)) {
                throw UserException.badFile(path, "not an " + description);
            }
            int found = data.readInt();
            if (found > version) {
                throw UserException.badFile(path, noun + " format version " + found + " is newer than this exprflow supports ("
                        + version + "); use a newer exprflow");
            }
            String writer = found >= WRITER_RECORDED_FROM ? data.readUTF() : FIRST_WRITER;
            if (found < version) {
                // Java serialisation would silently drop or null fields of classes that changed:
                // refuse instead, and say who wrote the file.
                throw UserException.badFile(path, noun + " was written by " + writer + " (" + noun + " format " + found
                        + "); this exprflow (" + Versions.exprflowLine() + ") reads format " + version
                        + " only: retrain the " + noun + " with this exprflow");
            }
            ModelInputFilter filter = new ModelInputFilter(Files.size(path));
            Object o;
            try {
                ObjectInputStream objects = new ObjectInputStream(raw);
                objects.setObjectInputFilter(filter);
                o = objects.readObject();
            } catch (InvalidClassException e) {
                if (filter.rejection() != null) {
                    throw UserException.badFile(path, "refused: not an " + description + " (" + filter.rejection() + ")");
                }
                throw e;
            } catch (ClassCastException | IllegalArgumentException | IllegalStateException | NullPointerException
                     | IndexOutOfBoundsException | ArrayStoreException | NegativeArraySizeException e) {
                // a class's own readObject met fields that a genuine stream never holds
                throw UserException.badFile(path, noun + " file is corrupt (" + e.getClass().getSimpleName() + " while reading)");
            }
            if (!type.isInstance(o)) {
                throw UserException.badFile(path, "not an " + description + " (unexpected content)");
            }
            return type.cast(o);
        } catch (NoSuchFileException e) {
            throw UserException.badFile(path, "no such file");
        } catch (EOFException | StreamCorruptedException e) {
            throw UserException.badFile(path, noun + " file is truncated or corrupt");
        } catch (InvalidClassException | ClassNotFoundException e) {
            throw UserException.badFile(path, noun + " was written by an incompatible exprflow version, or is corrupt ("
                    + printable(e.getMessage()) + ")");
        } catch (IOException e) {
            throw UserException.badFile(path, "cannot read " + noun + ": " + printable(e.getMessage()));
        }
    }

    /**
     * A message that may quote bytes of a corrupt stream (a class or field name) as one short
     * printable line: control characters become '?', and it is cut at 200 characters.
     */
    static String printable(String message) {
        String s = String.valueOf(message).replaceAll("\\p{Cntrl}", "?");
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
