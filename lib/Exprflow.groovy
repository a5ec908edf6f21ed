import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

/**
 * Finds the steps jar for main.nf, and quotes task arguments for the modules.
 *
 * The jar is looked up in three places, each for a reason: here, so that main.nf stops with one line
 * before any task when no jar is built; conf/base.config, which hashes it into every task
 * (`task.ext.jar_sha256`) and cannot call this class (Nextflow evaluates configs before it loads
 * lib/: `params.x = Exprflow.locateJar(...)` in a config fails with "No signature of method:
 * groovy.util.ConfigObject..."); and bin/exprflow, which runs inside the task, perhaps in a container
 * where the host's paths do not exist. All three try the same list in the same order:
 * $EXPRFLOW_JAR, then java-steps/target/exprflow.jar, then /opt/exprflow/exprflow.jar (the image's).
 */
class Exprflow {

    /** Where bin/exprflow looks for the steps jar, in the same order. */
    static List<Path> jarCandidates(Path projectDir) {
        def env = System.getenv('EXPRFLOW_JAR')
        if (env) {
            return [Paths.get(env)]
        }
        return [projectDir.resolve('java-steps/target/exprflow.jar'), Paths.get('/opt/exprflow/exprflow.jar')]
    }

    /** The steps jar main.nf's tasks will run, or null when none is built. */
    static String locateJar(Path projectDir) {
        Path jar = jarCandidates(projectDir).find { Files.isRegularFile(it) }
        return jar?.toString()
    }

    /**
     * Each value (a path, a name, or a list of them) in single quotes for a task's bash script,
     * space-separated. Staged file names and ids come from the user's file names and may hold
     * spaces ("train data.tsv") or quotes; unquoted, bash splits them into several arguments.
     * null values are left out. A static call in the script text does not affect the task hash:
     * the files and meta values it quotes are hashed as inputs.
     */
    static String shellQuote(Object values) {
        [values].flatten().findAll { it != null }.collect { "'" + it.toString().replace("'", "'\\''") + "'" }.join(' ')
    }
}
