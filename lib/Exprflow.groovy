import java.nio.ByteBuffer
import java.nio.channels.FileChannel
import java.nio.channels.FileLock
import java.nio.channels.OverlappingFileLockException
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import java.time.Instant

/**
 * Launch-time helpers of main.nf: the --outdir lock, the disk-full check, and quoting of task
 * arguments for the modules.
 *
 * The steps jar is looked up in two places, each for a reason: conf/base.config, which hashes it
 * into every task (`task.ext.jar_sha256`, 'no-jar' when there is none, which main.nf turns into a
 * one-line error) and cannot call this class (Nextflow evaluates configs before it loads lib/:
 * `params.x = Exprflow.f()` in a config fails with "No signature of method:
 * groovy.util.ConfigObject..."); and bin/exprflow, which runs inside the task, perhaps in a
 * container where the host's paths do not exist. Both try $EXPRFLOW_JAR, then
 * java-steps/target/exprflow.jar, then /opt/exprflow/exprflow.jar (the image's).
 */
class Exprflow {

    /** Free space below which a failed publish is taken to be for lack of space. */
    static final long DISK_FULL_BYTES = 1L << 20

    /** Held for the life of the Nextflow process: the lock goes when the process does. */
    private static FileChannel outdirLockChannel

    /**
     * Takes the lock file DIR/.exprflow.lock for this run (an fcntl lock through FileChannel, which
     * the OS releases when the process dies, however it dies) and writes who holds it. Returns null
     * when taken, or what the file says of the holder when another process holds it. A directory
     * that is not on a local file system (an object store) is not locked.
     */
    static String lockOutdir(Path dir) {
        if (dir.toUri().scheme != 'file') {
            return null
        }
        Path lockFile = dir.resolve('.exprflow.lock')
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
        FileLock lock
        try {
            lock = channel.tryLock()
        } catch (OverlappingFileLockException ignored) {
            // This JVM holds it already. Closing this channel would drop that lock too (POSIX locks
            // belong to the process and go with any of its descriptors on the file), so keep it open.
            return null
        }
        if (lock == null) {
            channel.close()
            String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).trim()
            return holder ?: 'lock held'
        }
        String host = InetAddress.localHost.hostName
        channel.truncate(0)
        channel.write(ByteBuffer.wrap("pid ${ProcessHandle.current().pid()} on ${host} since ${Instant.now()}\n".toString().getBytes(StandardCharsets.UTF_8)))
        channel.force(true)
        // The channel must stay reachable for the whole run: once collected, its cleaner closes the
        // descriptor and the OS drops the lock (a static field was not enough: a second run went
        // through while the first ran, found by PipelineFaultsIT). The shutdown hook holds it until
        // the JVM exits and then closes it.
        outdirLockChannel = channel
        Runtime.runtime.addShutdownHook(new Thread({ channel.close() } as Runnable, 'exprflow-outdir-lock'))
        return null
    }

    /**
     * "DIR has N bytes free" when the file system of DIR (a local one) has less than
     * DISK_FULL_BYTES left, else null.
     */
    static String diskFull(Path dir) {
        if (dir.toUri().scheme != 'file' || !Files.exists(dir)) {
            return null
        }
        long free = Files.getFileStore(dir).usableSpace
        return free < DISK_FULL_BYTES ? "--outdir ${dir} has ${free} bytes free" : null
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
