import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.security.MessageDigest

/**
 * Finds the steps jar for main.nf and gives the modules its checksum.
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

    private static String jarSha256

    /**
     * Finds the steps jar and remembers its SHA-256. Called once by main.nf before any task runs.
     * Nextflow hashes a task's script text but not the programs it calls, so every module writes
     * this checksum into its script: a rebuilt jar with different code reruns the tasks, while an
     * identical (reproducible) rebuild keeps the cache. Returns null when no jar exists.
     */
    static String locateJar(Path projectDir) {
        Path jar = jarCandidates(projectDir).find { Files.isRegularFile(it) }
        if (jar == null) {
            return null
        }
        def digest = MessageDigest.getInstance('SHA-256')
        jar.withInputStream { input ->
            byte[] buffer = new byte[1 << 16]
            int n
            while ((n = input.read(buffer)) > 0) {
                digest.update(buffer, 0, n)
            }
        }
        jarSha256 = digest.digest().encodeHex().toString()
        return jar.toString()
    }

    /** The checksum found by locateJar; modules call it inside their script text. */
    static String jarSha256() {
        if (jarSha256 == null) {
            throw new IllegalStateException('Exprflow.locateJar() must run before any process is created')
        }
        return jarSha256
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
