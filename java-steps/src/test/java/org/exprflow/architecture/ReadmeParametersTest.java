package org.exprflow.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's and docs' pipeline examples name only parameters that exist: every {@code --name}
 * on a {@code nextfloww run} / {@code nextflow run} command (with its continuation lines) and in
 * the README's input table must be in nextflow_schema.json. A parameter renamed or removed in the
 * schema fails here instead of in a user's first run. (Step commands, {@code exprflow <step>
 * --kebab-flags}, are on other lines and are not checked here.)
 */
@Tag("unit")
class ReadmeParametersTest {
    private static final Pattern PARAMETER = Pattern.compile("(?<![\\w-])--([a-z][a-z0-9_]*)(?![\\w-])");
    private static final Pattern RUN = Pattern.compile("(\\./nextfloww|nextflow) run ");

    @Test
    void everyParameterOfAnExampleIsInTheSchema() throws Exception {
        Path root = TestEnvironment.projectDir();
        JsonNode schema = new ObjectMapper().readTree(root.resolve("nextflow_schema.json").toFile());
        Set<String> known = new HashSet<>();
        for (JsonNode group : schema.path("definitions")) {
            group.path("properties").fieldNames().forEachRemaining(known::add);
        }
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        try (var docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            boolean continued = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                Matcher run = RUN.matcher(line);
                boolean inputRow = file.getFileName().toString().equals("README.md") && line.startsWith("| ")
                        && line.contains("`--input ");
                if (!(run.find() || continued || inputRow)) {
                    continue;
                }
                String command = continued || inputRow ? line : line.substring(run.start());
                // a quoted value ('--qos=normal' for sbatch) is not a parameter
                Matcher m = PARAMETER.matcher(command.replaceAll("'[^']*'", "''"));
                while (m.find()) {
                    checked++;
                    if (!known.contains(m.group(1))) {
                        unknown.add(root.relativize(file) + ":" + (i + 1) + ": --" + m.group(1));
                    }
                }
                continued = line.stripTrailing().endsWith("\\");
            }
        }
        assertTrue(checked > 50, "too few parameters found (" + checked + "): the pattern no longer matches the examples");
        assertTrue(unknown.isEmpty(), "examples name parameters that are not in nextflow_schema.json: " + unknown);
    }
}
