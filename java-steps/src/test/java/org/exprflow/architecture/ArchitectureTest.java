package org.exprflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The package layers of docs/architecture.md, checked on the compiled main classes:
 * <pre>
 *   cli                        the composition root (Main): may use everything, used by nothing
 *   stages                     download ingest simulate normalise qc split peaks count model evaluate
 *                              landmark score report inspect: may use each other without cycles
 *   foundation                 core < io < data < stepfile < stats < plot: uses nothing above it, and
 *                              inside it only what stands before it in that order
 * </pre>
 * A new package must be placed here, or the layer test fails on it.
 */
@Tag("unit")
class ArchitectureTest {
    /** The foundation, lowest first: each may use only those before it. */
    static final List<String> FOUNDATION = List.of("core", "io", "data", "stepfile", "stats", "plot");
    static final List<String> STAGES = List.of("download", "ingest", "simulate", "normalise", "qc", "split", "peaks", "count",
            "model", "evaluate", "landmark", "score", "report", "inspect");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.exprflow");
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.exprflow.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void layersOnlyUseLayersBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Root").definedBy("org.exprflow.cli..")
                .layer("Stages").definedBy(packages(STAGES))
                .layer("Foundation").definedBy(packages(FOUNDATION))
                .whereLayer("Root").mayNotBeAccessedByAnyLayer()
                .whereLayer("Stages").mayOnlyBeAccessedByLayers("Root")
                .whereLayer("Foundation").mayOnlyBeAccessedByLayers("Root", "Stages")
                .ensureAllClassesAreContainedInArchitecture()
                .check(classes);
    }

    @Test
    void foundationPackagesOnlyUseThoseBelowThem() {
        for (int i = 0; i < FOUNDATION.size() - 1; i++) {
            List<String> above = FOUNDATION.subList(i + 1, FOUNDATION.size());
            noClasses().that().resideInAPackage("org.exprflow." + FOUNDATION.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(packages(above))
                    .because(FOUNDATION.get(i) + " stands below " + above + " in the foundation")
                    .check(classes);
        }
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(n -> "org.exprflow." + n + "..").toArray(String[]::new);
    }
}
