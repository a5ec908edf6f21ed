package org.exprflow.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.exprflow.core.ExitCode;
import org.exprflow.core.Log;
import org.exprflow.core.OutputPaths;
import org.exprflow.core.UserException;
import org.exprflow.core.Versions;
import org.exprflow.io.AtomicOutput;

/**
 * The exprflow command line: one subcommand per pipeline stage. Each Nextflow process calls exactly
 * one subcommand. User errors are reported as one line on stderr with a documented exit code
 * ({@link ExitCode}); only bugs print a stack trace.
 */
@Command(name = "exprflow",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = "Steps of the exprflow gene-expression machine-learning pipeline.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  internal error (a bug: please report it with the stack trace)",
            "  2  bad command line or parameter value",
            "  3  bad input file (the message names the file and line)",
            "  4  input is valid but unsuitable for the analysis"
        },
        subcommands = {
            CommandLine.HelpCommand.class,
            org.exprflow.ingest.ImportCommand.class,
            org.exprflow.ingest.SampleOverlapCommand.class,
            org.exprflow.simulate.SimulateCommand.class,
            org.exprflow.qc.QcCommand.class,
            org.exprflow.normalise.NormaliseCommand.class,
            org.exprflow.split.SplitCommand.class,
            org.exprflow.model.TrainCommand.class,
            org.exprflow.model.PredictCommand.class,
            org.exprflow.model.PermuteCommand.class,
            org.exprflow.model.RegressCommand.class,
            org.exprflow.evaluate.EvaluateCommand.class,
            org.exprflow.evaluate.MultilabelCommand.class,
            org.exprflow.evaluate.EvaluateRegressionCommand.class,
            org.exprflow.score.ScoreCommand.class,
            org.exprflow.report.ScoreReportCommand.class,
            org.exprflow.report.ReportCommand.class,
            org.exprflow.peaks.BinCommand.class,
            org.exprflow.peaks.RegionDatasetCommand.class,
            org.exprflow.peaks.GeneFeaturesCommand.class,
            org.exprflow.peaks.PeaksQcCommand.class,
            org.exprflow.peaks.SimulatePeaksCommand.class,
            org.exprflow.count.CountCommand.class,
            org.exprflow.count.SimulateReadsCommand.class,
            org.exprflow.download.DownloadCommand.class,
            org.exprflow.landmark.LandmarkFitCommand.class,
            org.exprflow.landmark.LandmarkSummaryCommand.class,
            org.exprflow.landmark.LandmarkPredictCommand.class,
            org.exprflow.landmark.SimulateLandmarkCommand.class,
            org.exprflow.simulate.SimulateCountsCommand.class,
            org.exprflow.inspect.InspectCommand.class,
        })
public final class Main implements Runnable {

    static {
        // Weka's matrix code (MTJ over netlib-java) would use a native BLAS/LAPACK if one loaded:
        // results would then depend on the machine's BLAS (OpenBLAS or reference, and OpenBLAS's
        // thread count). The pure-Java F2J implementations give the same bits everywhere. The native
        // bridges are also left out of the jar (pom.xml); naming F2J here keeps netlib-java from
        // trying them and logging its fallback warnings in every step.
        System.setProperty("com.github.fommil.netlib.BLAS", "com.github.fommil.netlib.F2jBLAS");
        System.setProperty("com.github.fommil.netlib.LAPACK", "com.github.fommil.netlib.F2jLAPACK");
        System.setProperty("com.github.fommil.netlib.ARPACK", "com.github.fommil.netlib.F2jARPACK");
        // The JVM takes its default locale from LANG/LC_ALL, which a task inherits from wherever it
        // runs: a German locale would print "0,944" and a Turkish one lower-case "I" to a dotless i.
        Locale.setDefault(Locale.ROOT);
    }

    @Option(names = "--quiet", description = "Print warnings and errors only.", scope = CommandLine.ScopeType.INHERIT)
    boolean quiet;

    // Written by the step's own JVM once the step has succeeded: the modules used to start a second
    // JVM (`exprflow --version`, ~0.8 s) in every task just for this file. Inherited, so it goes
    // after the step name (bin/exprflow reads the step from the first argument).
    @Option(names = "--versions-yml", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "After success, write the versions of exprflow, Weka and Java as a Nextflow versions.yml "
                    + "(needs --versions-process).")
    Path versionsYml;

    @Option(names = "--versions-process", paramLabel = "NAME", scope = CommandLine.ScopeType.INHERIT,
            description = "The Nextflow process named in --versions-yml (task.process).")
    String versionsProcess;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a step is required, e.g. 'exprflow qc --help'");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code, without calling System.exit (used by tests). */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionStrategy(parseResult -> {
            List<CommandLine> chain = parseResult.asCommandLineList();
            CommandLine leaf = chain.get(chain.size() - 1);
            Main root = (Main) chain.get(0).getCommand();
            Log.configure(leaf.getCommandName(), root.quiet);
            // Checked before the step runs, so a mistake costs no work.
            if ((root.versionsYml == null) != (root.versionsProcess == null)) {
                throw new CommandLine.ParameterException(leaf, "--versions-yml and --versions-process go together");
            }
            try {
                OutputPaths.check(leaf.getParseResult());
            } catch (UserException e) {
                // a bad path is a bad argument: reported like any other (one line, exit 2)
                throw new CommandLine.ParameterException(leaf, e.getMessage());
            }
            int code = new CommandLine.RunLast().execute(parseResult);
            if (code == 0 && root.versionsYml != null) {
                try {
                    AtomicOutput.writeString(root.versionsYml, Versions.versionsYml(root.versionsProcess));
                } catch (java.io.IOException e) {
                    // Through the execution exception handler: one line, like any step's error.
                    throw new CommandLine.ExecutionException(leaf, "versions.yml",
                            UserException.badFile(root.versionsYml, "cannot write: " + e.getMessage()));
                }
            }
            return code;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getCommandLine().getCommandName() + ": error: "
                    + PipelineParameterNames.forUser(ex.getMessage()) + " (see --help)");
            err.flush();
            return ExitCode.USAGE.code;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = ex;
            while (!(cause instanceof UserException) && cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (cause instanceof UserException ue) {
                commandLine.getErr().println(commandLine.getCommandName() + ": error: "
                        + PipelineParameterNames.forUser(ue.getMessage()));
                commandLine.getErr().flush();
                return ue.exitCode().code;
            }
            commandLine.getErr().println(commandLine.getCommandName() + ": internal error, please report it:");
            ex.printStackTrace(commandLine.getErr());
            commandLine.getErr().flush();
            return ExitCode.INTERNAL_ERROR.code;
        });
        return cli;
    }
}
