package org.exprflow.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./nextfloww run . ARGS} from the repository root for the pipeline tests, with the
 * packaged jar that failsafe names in {@code exprflow.jar}, its own work directory and log under
 * {@code dir}, and a time limit after which the run and its children are killed and the test fails.
 */
public final class NextflowRun {

    /** The exit code, the console output (stdout and stderr) and the work directory. */
    public record Result(int exitCode, String output, Path work) {
    }

    private NextflowRun() {
    }

    /** Runs with the work directory DIR/NAME-work, the log DIR/NAME.nextflow.log and the output in DIR/NAME.out. */
    public static Result run(Path dir, String name, long timeoutMinutes, String... args)
            throws IOException, InterruptedException {
        Path work = dir.resolve(name + "-work");
        List<String> command = new ArrayList<>(List.of("./nextfloww", "-log", dir.resolve(name + ".nextflow.log").toString(),
                "run", ".", "-ansi-log", "false", "-w", work.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(TestEnvironment.projectDir().toFile())
                .redirectErrorStream(true);
        Path log = dir.resolve(name + ".out");
        pb.redirectOutput(log.toFile());
        String jar = System.getProperty("exprflow.jar");
        if (jar != null && Files.isRegularFile(Path.of(jar))) {
            pb.environment().put("EXPRFLOW_JAR", jar);
        }
        Process p = pb.start();
        if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("nextfloww " + String.join(" ", args) + " did not finish in " + timeoutMinutes + " minutes");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), work);
    }
}
