import groovy.json.JsonOutput

import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.time.format.DateTimeFormatter
import java.time.temporal.ChronoUnit

/**
 * The run's provenance for the report (`exprflow report --provenance`; step JSON kind 'provenance',
 * docs/architecture.md "Provenance"): the pipeline and Nextflow versions, the versions every task
 * recorded in versions.yml (exprflow, Weka, Java), the parameters that differ from their defaults,
 * the SHA-256 of every input file, and the launch (command line, start time, profile).
 *
 * Times and paths live only here (and in the report), never in metric files. Caching: the file is
 * named after the SHA-256 of everything but the launch, in <work dir>/exprflow-provenance/, and is
 * written only when no file of that name exists. So a launch that changes nothing the report shows
 * but the launch itself (-resume, another executor or --outdir, more memory) finds the same file,
 * unchanged (same path, size and modification time), and REPORT stays cached with the command line
 * and date of the launch that rendered it; a changed parameter, input or version gives a new file,
 * which reruns REPORT and only REPORT.
 */
class Provenance {

    /** Parameters that say where and how the run executes, never what it computes: shown, not hashed. */
    static final Set<String> EXECUTION_ONLY = ['outdir', 'download_cache', 'offline', 'download_retries',
        'download_max_bytes', 'multiqc', 'multiqc_container', 'multiqc_title', 'slurm_queue', 'slurm_account',
        'slurm_cluster_options', 'help'] as Set

    /**
     * Writes (or finds) the provenance file and returns its path.
     *
     * @param versionBlocks the distinct texts of the tasks' versions.yml files
     * @param inputs [role, file] pairs of the data the analysis read (local files and downloads); the
     *        schema's other file parameters (--feature_annotation, --tx2gene, ...) are added here
     */
    static Path write(Path workDir, Path schemaFile, Map params, def workflow, String nextflowVersion,
                      List<String> versionBlocks, List<List> inputs) {
        ParamsSchema schema = new ParamsSchema(schemaFile)
        String launchDir = workflow.launchDir.toString()
        List<Map<String, String>> changed = schema.changedParameters(params, launchDir)
        Map<String, Object> stable = new TreeMap<>([
            exprflow_kind   : 'provenance',
            exprflow_format : 1,
            pipeline_version: workflow.manifest.version,
            nextflow_version: nextflowVersion,
            analysis        : params.analysis,
            software        : software(versionBlocks),
            parameters      : changed.findAll { !(it.name in EXECUTION_ONLY) },
            inputs          : checksums(inputs, schema, params),
        ])
        String digest = sha256Hex(JsonOutput.toJson(stable).getBytes('UTF-8'))
        Path file = workDir.resolve('exprflow-provenance').resolve("${digest}.json")
        if (!Files.exists(file)) {
            Map<String, Object> document = new TreeMap<>(stable)
            document.launch = new TreeMap<>([
                command_line: workflow.commandLine,
                started     : DateTimeFormatter.ISO_INSTANT.format(workflow.start.toInstant().truncatedTo(ChronoUnit.SECONDS)),
                profile     : workflow.profile,
                run_name    : workflow.runName,
                parameters  : changed.findAll { it.name in EXECUTION_ONLY },
            ])
            Files.createDirectories(file.parent)
            // written under another name, then moved: a concurrent launch never reads half a file
            Path partial = file.resolveSibling("${digest}.json.partial-${ProcessHandle.current().pid()}")
            partial.text = JsonOutput.prettyPrint(JsonOutput.toJson(document)) + '\n'
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
        }
        return file
    }

    /** Tool -> its distinct versions, sorted, from versions.yml texts ('"PROCESS":' then '    tool: "1.0"' lines). */
    static Map<String, List<String>> software(List<String> versionBlocks) {
        Map<String, Set<String>> found = new TreeMap<>()
        versionBlocks.each { block ->
            block.readLines().each { line ->
                def m = line =~ /^\s+([^:\s]+):\s*"?([^"]*)"?\s*$/
                if (m.matches()) {
                    found.computeIfAbsent(m.group(1)) { new TreeSet<String>() } << m.group(2)
                }
            }
        }
        return found.collectEntries { tool, versions -> [(tool): versions as List] } as Map
    }

    /**
     * [role, file name, bytes, sha256] of every input file, sorted by role then name: the files the
     * analysis read (a list for per-sample files) and the schema's other file parameters that name a
     * local file. A file given twice (as --input and as the downloaded input) is listed once.
     */
    static List<Map> checksums(List<List> inputs, ParamsSchema schema, Map params) {
        Map<String, Map> byPath = new LinkedHashMap<>()
        def add = { String role, def f ->
            if (f instanceof Path && Files.isRegularFile(f as Path)) {
                Path p = f as Path
                String key = p.toUri().scheme == 'file' ? p.toRealPath().toString() : p.toUriString()
                byPath.putIfAbsent(key, [role: role, file: p.fileName.toString(), bytes: Files.size(p), sha256: sha256Hex(p)])
            }
        }
        inputs.each { role, files -> [files].flatten().each { add(role as String, it) } }
        schema.properties.findAll { name, prop -> prop.format == 'file-path' && params.containsKey(name) && params[name] }
            .each { name, prop -> add(name as String, nextflow.Nextflow.file(params[name].toString())) }
        return byPath.values().sort { a, b -> a.role <=> b.role ?: a.file <=> b.file }
    }

    static String sha256Hex(Path file) {
        MessageDigest md = MessageDigest.getInstance('SHA-256')
        Files.newInputStream(file).withCloseable { input ->
            byte[] buffer = new byte[1 << 16]
            for (int n = input.read(buffer); n > 0; n = input.read(buffer)) {
                md.update(buffer, 0, n)
            }
        }
        return md.digest().encodeHex().toString()
    }

    static String sha256Hex(byte[] bytes) {
        MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
    }
}
