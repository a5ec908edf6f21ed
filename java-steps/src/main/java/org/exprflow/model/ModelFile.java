package org.exprflow.model;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StreamCorruptedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.exprflow.cli.UserException;
import org.exprflow.io.AtomicOutput;

/**
 * The saved model file ({@code .xfm}): a magic number and a format version in front of the Java
 * serialisation of {@link ModelPipeline}. The header lets exprflow reject a file that is not a
 * model, or a model written by a newer exprflow, with a clear message instead of a
 * deserialisation stack trace.
 */
public final class ModelFile {
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = {'X', 'F', 'M', 'D'};

    private ModelFile() {
    }

    public static void write(ModelPipeline model, Path path) throws IOException {
        AtomicOutput.writeBytes(path, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.write(MAGIC);
            data.writeInt(FORMAT_VERSION);
            data.flush();
            ObjectOutputStream oos = new ObjectOutputStream(out);
            oos.writeObject(model);
            oos.flush();
        });
    }

    public static ModelPipeline read(Path path) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path))) {
            DataInputStream data = new DataInputStream(raw);
            byte[] magic = new byte[4];
            try {
                data.readFully(magic);
            } catch (EOFException e) {
                throw UserException.badFile(path, "not an exprflow model file (too short)");
            }
            if (!Arrays.equals(magic, MAGIC)) {
                throw UserException.badFile(path, "not an exprflow model file (.xfm written by 'exprflow train')");
            }
            int version = data.readInt();
            if (version > FORMAT_VERSION) {
                throw UserException.badFile(path, "model format version " + version + " is newer than this exprflow supports ("
                        + FORMAT_VERSION + "); use a newer exprflow");
            }
            ObjectInputStream ois = new ObjectInputStream(raw);
            Object o = ois.readObject();
            if (!(o instanceof ModelPipeline m)) {
                throw UserException.badFile(path, "not an exprflow model file (unexpected content)");
            }
            return m;
        } catch (NoSuchFileException e) {
            throw UserException.badFile(path, "no such file");
        } catch (EOFException | StreamCorruptedException e) {
            throw UserException.badFile(path, "model file is truncated or corrupt");
        } catch (InvalidClassException | ClassNotFoundException e) {
            throw UserException.badFile(path, "model was written by an incompatible exprflow version (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw UserException.badFile(path, "cannot read model: " + e.getMessage());
        }
    }
}
