package org.exprflow.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.exprflow.data.DatasetFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model files the steps write pass the deserialisation filter with room to spare, and the
 * shapes of a hostile stream do not (the corpus, corpus/model, runs them through the CLI).
 */
@Tag("unit")
class ModelInputFilterTest {
    @TempDir
    Path dir;

    /** Every learner family a model may hold, as train and landmark-fit save them. */
    @Test
    void everyKindOfSavedModelPassesWithItsDepthAndClassesRecorded() throws Exception {
        Path data = dir.resolve("d.xfd");
        DatasetFile.write(SyntheticData.classes(3, 40, 30, 6, 2.0, "A", "B", "C"), data);
        List<String> learners = List.of("weka.classifiers.bayes.NaiveBayes", "weka.classifiers.functions.SMO",
                "weka.classifiers.trees.RandomForest -I 20", "weka.classifiers.trees.J48", "weka.classifiers.lazy.IBk -K 3",
                "weka.classifiers.functions.Logistic", "weka.classifiers.trees.REPTree");
        Set<String> classes = new TreeSet<>();
        long deepest = 0;
        for (int i = 0; i < learners.size(); i++) {
            Path model = dir.resolve("m" + i + ".xfm");
            Cli.Result r = Cli.run("--quiet", "train", "--input", data.toString(), "--output", model.toString(),
                    "--learner", learners.get(i), "--top-k", "10", "--transforms", "quantile");
            assertEquals(0, r.exitCode(), r.stderr());
            deepest = Math.max(deepest, record(model, classes));
        }
        Path sim = dir.resolve("sim");
        assertEquals(0, Cli.run("--quiet", "simulate-landmark", "--output-dir", sim.toString(), "--samples", "60",
                "--landmarks", "8", "--targets", "3", "--query-samples", "4", "--seed", "5").exitCode());
        assertEquals(0, Cli.run("--quiet", "import", "--input", sim.resolve("expression.tsv.gz").toString(), "--format", "tsv",
                "--output", dir.resolve("l.xfd").toString()).exitCode());
        for (String learner : List.of("linear", "ridge:1", "rf", "knn")) {
            Path model = dir.resolve(learner.replace(':', '_') + ".xlm");
            Cli.Result r = Cli.run("--quiet", "landmark-fit", "--input", dir.resolve("l.xfd").toString(), "--landmarks",
                    sim.resolve("landmarks.txt").toString(), "--learner", learner, "--model-learner", learner,
                    "--output", dir.resolve(learner.replace(':', '_') + ".tsv").toString(), "--output-model", model.toString());
            assertEquals(0, r.exitCode(), r.stderr());
            deepest = Math.max(deepest, record(model, classes));
        }
        System.out.println("model files: deepest nesting " + deepest + ", classes " + classes);
        assertTrue(deepest * 4 < ModelInputFilter.MAX_DEPTH, "depth " + deepest + " leaves little room below " + ModelInputFilter.MAX_DEPTH);
        for (String c : classes) {
            assertTrue(ModelInputFilter.allowed(c), c);
        }
    }

    /** Reads the file's object stream with a filter that records classes and depth; returns the depth. */
    private static long record(Path model, Set<String> classes) throws Exception {
        byte[] b = Files.readAllBytes(model);
        java.io.DataInputStream in = new java.io.DataInputStream(new ByteArrayInputStream(b));
        in.skipNBytes(8);
        in.readUTF();
        long[] depth = {0};
        ObjectInputStream objects = new ObjectInputStream(in);
        ModelInputFilter real = new ModelInputFilter(b.length);
        objects.setObjectInputFilter(info -> {
            depth[0] = Math.max(depth[0], info.depth());
            Class<?> c = info.serialClass();
            while (c != null && c.isArray()) {
                c = c.getComponentType();
            }
            if (c != null && !c.isPrimitive()) {
                classes.add(c.getName());
            }
            return real.checkInput(info);
        });
        objects.readObject();
        assertEquals(null, real.rejection(), model.toString());
        return depth[0];
    }

    @Test
    void aForgedArrayLengthIsRefusedBeforeAllocation() throws Exception {
        byte[] b = serialise(new double[] {1.0});
        b[b.length - 12] = 0x7f;
        b[b.length - 11] = (byte) 0xff;
        b[b.length - 10] = (byte) 0xff;
        b[b.length - 9] = (byte) 0xff;
        assertRejected(b, "an array of 2147483647 elements");
    }

    @Test
    void aClassNoModelHoldsIsRefused() throws Exception {
        java.util.HashMap<Object, Object> gadget = new java.util.HashMap<>();
        gadget.put(new java.net.URL("http://exprflow.invalid/"), "x");
        assertRejected(serialise(gadget), "class java.net.URL is not one a model holds");
        assertTrue(ModelInputFilter.allowed("weka.classifiers.trees.J48"));
        assertTrue(!ModelInputFilter.allowed("java.util.concurrent.ConcurrentHashMap"));
        assertTrue(!ModelInputFilter.allowed("javax.management.BadAttributeValueExpException"));
    }

    @Test
    void deepNestingIsRefusedBeforeTheStackOverflows() throws Exception {
        Object[] nest = null;
        for (int i = 0; i < 1500; i++) {
            nest = new Object[] {nest};
        }
        byte[] b = serialise(new Holder(nest));
        assertRejected(b, "objects nested more than " + ModelInputFilter.MAX_DEPTH + " deep");
    }

    private record Holder(Object value) implements Serializable {
    }

    private static void assertRejected(byte[] stream, String reason) throws Exception {
        ModelInputFilter filter = new ModelInputFilter(stream.length);
        ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream));
        in.setObjectInputFilter(filter);
        try {
            in.readObject();
            throw new AssertionError("accepted");
        } catch (InvalidClassException e) {
            assertEquals(ObjectInputFilter.Status.REJECTED.toString(), e.getMessage().replaceAll(".*status: ", ""));
        }
        assertTrue(filter.rejection().contains(reason), filter.rejection());
    }

    private static byte[] serialise(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }
}
