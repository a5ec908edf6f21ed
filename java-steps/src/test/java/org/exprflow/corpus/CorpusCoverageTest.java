package org.exprflow.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.exprflow.ingest.InputFormat;
import org.exprflow.stepfile.StepJson;
import org.exprflow.stepfile.StepTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A new reader cannot be added without corpus cases: every reader is in {@link CorpusRegistry}, with cases. */
@Tag("unit")
class CorpusCoverageTest {
    /** The main classes of exprflow, imported once (ArchUnit reads the class files). */
    private static final com.tngtech.archunit.core.domain.JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.exprflow");
    private static final Set<String> COVERED = CorpusRegistry.ENTRIES.stream().flatMap(e -> e.covers().stream())
            .map(String::valueOf).collect(Collectors.toSet());

    @Test
    void everyInputFormatHasCases() {
        for (InputFormat f : InputFormat.values()) {
            assertTrue(COVERED.contains(f.name()), "import --format " + f.cliName + " has no corpus folder in CorpusRegistry");
        }
    }

    @Test
    void everyStepJsonKindHasCases() {
        for (StepJson k : StepJson.values()) {
            assertTrue(COVERED.contains(k.name()), "step JSON kind " + k.kind() + " has no corpus folder in CorpusRegistry");
        }
    }

    @Test
    void everyStepTableKindThatAStepReadsHasCases() throws Exception {
        for (String kind : stepTableKinds()) {
            assertTrue(COVERED.contains(kind) || CorpusRegistry.KINDS_NO_STEP_READS.contains(kind),
                    "step-file kind " + kind + " has no corpus folder in CorpusRegistry");
        }
    }

    @Test
    void everyReaderClassHasCases() {
        List<String> missing = new ArrayList<>();
        for (JavaClass c : MAIN) {
            if (c.getSimpleName().endsWith("Reader") && !c.isNestedClass() && !COVERED.contains(c.getName())) {
                missing.add(c.getName());
            }
        }
        assertTrue(missing.isEmpty(), "readers without a corpus folder in CorpusRegistry: " + missing);
    }

    @Test
    void everyRegisteredFolderHasEnoughCases() {
        Map<String, Long> counts = CorpusCase.all(CorpusTest.root()).stream()
                .collect(Collectors.groupingBy(CorpusCase::reader, Collectors.counting()));
        for (CorpusRegistry.Entry e : CorpusRegistry.ENTRIES) {
            assertTrue(Files.isDirectory(CorpusTest.root().resolve(e.folder())), "no folder corpus/" + e.folder());
            long n = counts.getOrDefault(e.folder(), 0L);
            assertTrue(n >= CorpusRegistry.MIN_CASES, "corpus/" + e.folder() + " has " + n + " cases, needs "
                    + CorpusRegistry.MIN_CASES);
        }
        Set<String> registered = CorpusRegistry.ENTRIES.stream().map(CorpusRegistry.Entry::folder).collect(Collectors.toSet());
        assertTrue(registered.containsAll(counts.keySet()), "corpus folders missing from CorpusRegistry: "
                + new TreeSet<>(counts.keySet()).stream().filter(f -> !registered.contains(f)).toList());
    }

    /** The kind of every StepTable constant in org.exprflow.stepfile. */
    static Set<String> stepTableKinds() throws IllegalAccessException {
        Set<String> kinds = new TreeSet<>();
        for (JavaClass c : MAIN) {
            if (!c.getPackageName().equals("org.exprflow.stepfile")) {
                continue;
            }
            for (Field f : c.reflect().getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == StepTable.class) {
                    f.setAccessible(true);
                    kinds.add(((StepTable<?>) f.get(null)).kind());
                }
            }
        }
        assertTrue(kinds.contains("predictions"), kinds.toString());
        return kinds;
    }
}
