package org.exprflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * Every step's --help renders without picocli's "[picocli WARN] Could not format" notice: picocli reads
 * descriptions as format strings, so a bare '%' ("95% intervals") must be written '%%'.
 */
@Tag("unit")
class HelpTextTest {
    @Test
    void everyStepsHelpRendersWithoutFormatWarnings() {
        List<String> warned = new ArrayList<>();
        PrintStream err = System.err;
        for (Map.Entry<String, CommandLine> step : Main.commandLine().getSubcommands().entrySet()) {
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                StringWriter help = new StringWriter();
                step.getValue().usage(new PrintWriter(help));
            } finally {
                System.setErr(err);
            }
            if (captured.toString(StandardCharsets.UTF_8).contains("picocli WARN")) {
                warned.add(step.getKey());
            }
        }
        assertEquals(List.of(), warned, "steps whose --help has an unescaped '%'");
    }
}
