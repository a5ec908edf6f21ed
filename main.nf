#!/usr/bin/env nextflow
/*
 * exprflow: machine learning on gene-expression data.
 *
 * This file only checks the run before any task starts (parameters against nextflow_schema.json,
 * the steps jar, accessions in the download cache with --offline), turns the data sources into
 * local files (FETCH_INPUTS downloads accessions) and dispatches on --analysis; the analyses live
 * in workflows/.
 */
nextflow.enable.dsl = 2

import groovy.json.JsonOutput

include { CLASSIFY         } from './workflows/classify'
include { PREDICT_SAMPLES  } from './workflows/predict'
include { PEAKS            } from './workflows/peaks'
include { LANDMARK         } from './workflows/landmark'
include { SCORE_PREDICTIONS; predictionFiles } from './workflows/score'
include { FETCH_INPUTS; isCumidaName; importedFile } from './subworkflows/local/fetch_inputs'
include { MULTIQC          } from './modules/local/multiqc'

// Analyses named in the schema but not written yet: refused up front rather than half-run.
def PLANNED_ANALYSES = []

/*
 * One-line error and exit code 2 (a bad parameter, as for the steps), before any process is
 * created. Nextflow's `error` and `log.error` add a script location or a pointer to the log file,
 * which only distract from a parameter mistake; the log still records the message.
 */
def abort(String message) {
    log.debug "exprflow: error: ${message}"
    System.err.println "exprflow: error: ${message}"
    System.exit(2)
}

def schema = new ParamsSchema(file("${projectDir}/nextflow_schema.json"))

if (params.help) {
    // The command as users type it: ./nextfloww (which exports EXPRFLOW_LAUNCHER) or nextflow, then
    // the pipeline as a path relative to where they are ('.' from the project folder).
    def launcher = System.getenv('EXPRFLOW_LAUNCHER') ?: 'nextflow'
    def pipeline = workflow.projectDir.startsWith(workflow.launchDir)
        ? (workflow.launchDir.relativize(workflow.projectDir).toString() ?: '.') : workflow.projectDir.toString()
    println schema.help("${launcher} run ${pipeline} --analysis classify --input FILE")
    System.exit(0)
}

def problem = schema.firstError(params)
if (problem) {
    // `--input GSE9476` fails the file check: when the value is an accession, say how to download it.
    ['input', 'test_input'].each { name ->
        def alternative = name.replace('input', 'accession')
        if (problem.startsWith("--${name}:") && params[name].toString() ==~ schema.properties[alternative].pattern) {
            problem += "; to download it, use --${alternative} ${params[name]}"
        }
    }
    abort(problem)
}
if (params.analysis in PLANNED_ANALYSES) {
    abort("--analysis ${params.analysis} is not implemented yet in this version (available: classify, predict, peaks, landmark, score)")
}
if (params.analysis == 'landmark' && !params.landmarks) {
    abort('--analysis landmark needs --landmarks (e.g. the L1000 landmark_genes.txt or D-GEX map_lm.txt; see docs/landmark.md)')
}
if (params.analysis == 'landmark' && params.target_chunk_size && !params.targets) {
    abort('--target_chunk_size needs --targets (without a list the number of targets is known only after import); use --target_chunks')
}
// train refuses these too (model.CandidateSearch), but only once a task runs: say it here, in one line.
if (params.search == 'random' && params.search_budget == null) {
    abort('--search random needs --search_budget N, the number of candidates to draw')
}
if (params.search != 'random' && params.search_budget != null) {
    abort('--search_budget applies to --search random only')
}
if (params.analysis != 'landmark') {
    ['landmarks', 'targets', 'target_groups', 'landmark_query'].findAll { params[it] }.each {
        abort("--${it} is only used by --analysis landmark")
    }
}
// --analysis peaks reads samplesheets of peak and RNA files instead of an expression --input. Its
// messages name --analysis peaks, so a run started with the wrong analysis says so.
if (params.analysis == 'peaks') {
    ['input', 'accession', 'test_input', 'test_accession', 'samplesheet', 'model'].findAll { params[it] }.each {
        abort("--analysis peaks does not use --${it}; give --peaks_samplesheet (see docs/peaks.md)")
    }
    ['peaks_samplesheet', 'annotation', 'chrom_sizes'].findAll { !params[it] }.each {
        abort("--analysis peaks needs --${it}")
    }
    if (params.peaks_design == 'a' && !params.region) {
        abort('--analysis peaks --peaks_design a needs --region (CHROM:START-END or chromosome names, comma-separated)')
    }
    if (params.peaks_design == 'b' && !params.train_tissue) {
        abort('--analysis peaks --peaks_design b needs --train_tissue')
    }
}
// --analysis score reads tables of predicted and measured values instead of an expression --input;
// the files of --predictions are resolved here so that a missing one stops the run before any task.
def scoreFiles = []
if (params.analysis == 'score') {
    ['input', 'accession', 'test_input', 'test_accession', 'samplesheet', 'model'].findAll { params[it] }.each {
        abort("--analysis score does not use --${it}; give --predictions and --measurements (see docs/score.md)")
    }
    ['predictions', 'measurements'].findAll { !params[it] }.each {
        abort("--analysis score needs --${it}")
    }
    // The step refuses these without a map too, but only once a task runs: say it here, in one line.
    ['map_from_column', 'map_to_column', 'map_header'].findAll { params[it] != null && !params.id_map }.each {
        abort("--${it} needs --id_map")
    }
    def (files, filesProblem) = predictionFiles(params.predictions.toString())
    if (filesProblem) {
        abort(filesProblem)
    }
    scoreFiles = files
} else {
    ['predictions', 'measurements', 'id_map'].findAll { params[it] }.each {
        abort("--${it} is only used by --analysis score")
    }
}
// Per-sample quantification files (STAR, salmon, kallisto, RSEM): a samplesheet whose --file_column
// lists one file per sample stands in for --input (and a --test_samplesheet for --test_input).
// Read here because Nextflow stages them into IMPORT; the rest of the samplesheet is the step's.
def perSampleFiles = { String option, sheet ->
    if (!sheet) {
        return null
    }
    if (!file(sheet).isFile()) {
        abort("--${option} ${sheet} does not exist")
    }
    def found = PerSampleFiles.read(file(sheet), params.file_column)
    if (found.error) {
        abort(found.error)
    }
    return found.files
}
def inputFiles = !(params.analysis in ['peaks', 'score']) && !params.input && !params.accession ? perSampleFiles('samplesheet', params.samplesheet) : null
def testFiles = params.analysis == 'classify' && !params.test_input && !params.test_accession ? perSampleFiles('test_samplesheet', params.test_samplesheet) : null
if (!(params.analysis in ['peaks', 'score']) && !params.input && !params.accession && !inputFiles) {
    abort("--input or --accession is required for --analysis ${params.analysis} (or a --samplesheet whose '${params.file_column}' column lists one quantification file per sample)")
}
if (params.input && params.accession) {
    abort('--input and --accession are alternatives: give one')
}
if (params.test_input && params.test_accession) {
    abort('--test_input and --test_accession are alternatives: give one')
}
if (params.analysis == 'predict' && !params.model) {
    abort('--model is required for --analysis predict')
}
if (params.analysis != 'predict' && params.model) {
    abort('--model is only used by --analysis predict')
}
if (params.test_samplesheet && !params.test_input && !params.test_accession && !testFiles) {
    abort("--test_samplesheet needs --test_input or --test_accession (or a '${params.file_column}' column listing one quantification file per sample)")
}
if (params.analysis == 'predict' && (params.test_input || params.test_accession)) {
    abort('--test_input and --test_accession are only used by --analysis classify')
}

// Accessions: checked here so that a mistake costs no task and reads as one line.
def accessions = [accession: params.accession, test_accession: params.test_accession].findAll { name, acc -> acc }
accessions.findAll { name, acc -> isCumidaName(acc) && !params.cumida_base }.each { name, acc ->
    abort("--${name} ${acc} is a CuMiDa name: set --cumida_base (CuMiDa has no stable download address)")
}
// --offline: every accession must already be in the download cache (DOWNLOAD's storeDir, or a cache
// filled by `exprflow download --cache`). Checked here rather than left to the DOWNLOAD task, whose
// failure would come as a multi-line task error after other tasks had started.
if (params.offline) {
    accessions.values().findAll { acc ->
        !files("${params.download_cache}/${acc}/${importedFile(acc, params.geo_soft)}").any { it.exists() }
    }.each { acc ->
        abort("--offline: accession ${acc} is not in the download cache ${file(params.download_cache)}; run once without --offline to fetch it")
    }
}

// The jar is built by ./nextfloww; with a plain `nextflow run .` the user builds it once.
// conf/base.config found it (or not) when it hashed it for the tasks.
if ((nextflow.Global.session as nextflow.Session).config.navigate('process.ext.jar_sha256') == 'no-jar') {
    abort('java-steps/target/exprflow.jar not found: run `mvn -f java-steps/pom.xml package -DskipTests` (or use ./nextfloww, which builds it)')
}

// Training and test data must not share samples: the test figures would score samples the model
// learned from. Checked before any task by the steps' own readers (exprflow sample-overlap) when
// both are local files; a shared id stops the run with exit 2 and the first shared ids.
if (params.analysis == 'classify' && params.input && params.test_input && !params.allow_sample_overlap) {
    def command = ["${projectDir}/bin/exprflow", 'sample-overlap',
                   '--input', file(params.input), '--format', params.input_format,
                   '--test-input', file(params.test_input), '--test-format', params.test_input_format,
                   '--allow-option', '--allow_sample_overlap'] + (params.platform ? ['--platform', params.platform] : [])
    def check = new ProcessBuilder(command*.toString()).redirectErrorStream(true).start()
    def output = check.inputStream.text
    int status = check.waitFor()
    def message = output.readLines().reverse().find { it.startsWith('sample-overlap: error: ') }
    if (status in [2, 3, 4] && message) {
        message = message.substring('sample-overlap: error: '.length())
        log.debug "exprflow: error: ${message}"
        System.err.println "exprflow: error: ${message}"
        System.exit(status)
    } else if (status != 0) {
        // The check itself could not run here (e.g. the launching machine's Java is older than the
        // steps need, with the steps in a container): say so and go on; IMPORT still reads the files.
        log.warn "exprflow: could not check --input and --test_input for shared samples (exprflow sample-overlap exit ${status}): ${output.readLines().findAll { it.trim() }.takeRight(1).join('')}"
    }
}

// The parameters of this run, next to the trace: what was asked, not just what ran.
def pipelineInfo = file("${params.outdir}/pipeline_info")
pipelineInfo.mkdirs()
// One run per --outdir at a time: two would publish over each other's files unnoticed. An OS lock,
// so a killed run (even SIGKILL) releases it and -resume works.
def lockHolder = Exprflow.lockOutdir(pipelineInfo)
if (lockHolder) {
    // Nextflow opened this run's trace file in the busy --outdir before main.nf ran: take it back out.
    def session = nextflow.Global.session as nextflow.Session
    def traceFile = session.config.navigate('trace.file') as String
    if (traceFile && session.config.navigate('trace.enabled')) {
        java.nio.file.Files.deleteIfExists(file(traceFile))
    }
    abort("--outdir ${params.outdir} is in use by another exprflow run (${lockHolder}); wait for it to finish, or give another --outdir")
}
file("${pipelineInfo}/params.json").text = JsonOutput.prettyPrint(JsonOutput.toJson(schema.snapshot(params))) + '\n'

// MultiQC (docs/architecture.md, "MultiQC"): --multiqc auto runs it when it can, in its own image
// (--multiqc_container) under a container profile, else the multiqc on this machine's PATH (the
// launching machine's: on a cluster, the nodes are assumed to have what it has). The custom-content
// files are written either way, for a MultiQC run of the user's own.
def multiqcOnPath = System.getenv('PATH')?.tokenize(File.pathSeparator)?.any { new File(it, 'multiqc').canExecute() }
def runMultiqc = params.multiqc == 'always'
    || (params.multiqc == 'auto' && (workflow.containerEngine ? params.multiqc_container as boolean : multiqcOnPath))
if (params.multiqc == 'auto' && !runMultiqc) {
    log.info "exprflow: MultiQC skipped: " + (workflow.containerEngine ? 'no --multiqc_container image' : 'multiqc is not on PATH') +
        "; its input files are in ${params.outdir}/multiqc/custom_content"
}

// What this run changes, grouped as --help groups it, before any task.
def changed = schema.changedSummary(params, workflow.launchDir.toString())
log.info "exprflow ${workflow.manifest.version}, --analysis ${params.analysis}: " +
    (changed ? "parameters that differ from their defaults:\n${changed}" : 'every parameter at its default')

workflow {
    // Every data source as a local file: a path given locally, or an accession downloaded into the
    // cache. role tells the training (or new) data from the independent test data.
    // (--analysis peaks reads its own samplesheets, --analysis score its own tables: no source
    // here, so FETCH_INPUTS runs no task.)
    def sources = params.analysis in ['peaks', 'score'] || inputFiles ? [] : [[[role: 'input'], params.accession ?: file(params.input)]]
    if (params.test_input || params.test_accession) {
        sources << [[role: 'test'], params.test_accession ?: file(params.test_input)]
    }
    FETCH_INPUTS(Channel.fromList(sources))

    def samplesheet = params.samplesheet ? file(params.samplesheet) : []
    def test_samplesheet = params.test_samplesheet ? file(params.test_samplesheet) : []
    ch_data = FETCH_INPUTS.out.files.branch { meta, data ->
        input: meta.role == 'input'
            return [[id: meta.id], data, samplesheet]
        test: true
            return [[id: meta.id], data, test_samplesheet]
    }
    // per-sample files: the samplesheet names the dataset (as `exprflow import` would name it)
    ch_input = inputFiles ? Channel.of([[id: samplesheet.simpleName, per_sample: true], inputFiles, samplesheet]) : ch_data.input
    ch_test = testFiles ? Channel.of([[id: test_samplesheet.simpleName, per_sample: true], testFiles, test_samplesheet]) : ch_data.test

    if (params.analysis == 'classify') {
        CLASSIFY(ch_input, ch_test)
        ch_versions = FETCH_INPUTS.out.versions.mix(CLASSIFY.out.versions)
        ch_multiqc = CLASSIFY.out.multiqc
    } else if (params.analysis == 'peaks') {
        PEAKS()
        ch_versions = PEAKS.out.versions
        ch_multiqc = PEAKS.out.multiqc
    } else if (params.analysis == 'score') {
        // One task per predictions file, all scored against the same measurements (and id map).
        SCORE_PREDICTIONS(
            Channel.fromList(scoreFiles.collect { predictions -> [[id: predictions.simpleName], predictions] }),
            file(params.measurements),
            params.id_map ? file(params.id_map) : []
        )
        ch_versions = SCORE_PREDICTIONS.out.versions
        ch_multiqc = SCORE_PREDICTIONS.out.metrics.map { meta, table -> MultiqcContent.score(meta.id, table) }
    } else if (params.analysis == 'landmark') {
        LANDMARK(ch_input)
        ch_versions = FETCH_INPUTS.out.versions.mix(LANDMARK.out.versions)
        ch_multiqc = LANDMARK.out.metrics.map { meta, targets, summary -> MultiqcContent.landmark(meta.id, summary) }
    } else {
        PREDICT_SAMPLES(ch_input)
        ch_versions = FETCH_INPUTS.out.versions.mix(PREDICT_SAMPLES.out.versions)
        // labelled new samples: the headline of their metrics (none without labels)
        ch_multiqc = PREDICT_SAMPLES.out.metrics.map { meta, json -> MultiqcContent.classification(meta.id, json) }
    }

    // Where every downloaded file came from (accession, kind, file, size, md5, url), one table
    // beside the run's other provenance; the same rows are in <download_cache>/<accession>/manifest.tsv.
    FETCH_INPUTS.out.manifests
        .collectFile(name: 'download_manifest.tsv', storeDir: "${params.outdir}/pipeline_info", keepHeader: true, skip: 1,
            sort: { manifest -> manifest.parent.name })

    // One software_versions.yml from every task's versions.yml. Fold tasks repeat the same text:
    // keep each distinct block once, sorted, so the file is the same on every run.
    ch_version_blocks = ch_versions
        .map { versions -> versions.text.trim() }
        .unique()

    // MultiQC's custom content (lib/MultiqcContent.groovy): the analysis' sample QC and headline,
    // and the software versions; published under multiqc/custom_content whether MultiQC runs or not.
    ch_multiqc_versions = ch_version_blocks
        .toSortedList()
        .map { blocks -> MultiqcContent.softwareVersions(blocks, workflow.manifest.version, nextflow.version.toString()) }
    ch_custom_content = ch_multiqc.mix(ch_multiqc_versions)
        .collectFile(storeDir: "${params.outdir}/multiqc/custom_content") { item -> item }
        .toSortedList { a, b -> a.name <=> b.name }
    ch_multiqc_tool = Channel.empty()
    if (runMultiqc) {
        MULTIQC(ch_custom_content, file("${projectDir}/assets/multiqc_config.yml", checkIfExists: true))
        ch_multiqc_tool = MULTIQC.out.versions.map { versions -> versions.text.trim() }
    }

    ch_version_blocks
        .mix(ch_multiqc_tool)
        .collectFile(name: 'software_versions.yml', storeDir: "${params.outdir}/pipeline_info", sort: true, newLine: true)
}

workflow.onComplete {
    // Nextflow writes one DAG file, after this handler: the HTML view (dag.file in nextflow.config),
    // which loads mermaid.js from a CDN to draw. Write the Mermaid source beside it too, readable
    // offline and diffable. normalize() is what Nextflow itself runs before rendering; it is
    // idempotent, so Nextflow's own rendering afterwards is unaffected.
    def session = nextflow.Global.session as nextflow.Session
    def dagFile = session.config.navigate('dag.file') as String
    if (dagFile?.endsWith('.html') && session.dag) {
        try {
            session.dag.normalize()
            new nextflow.dag.MermaidRenderer().renderDocument(session.dag, file(dagFile.replaceAll(/\.html$/, '.mmd')))
        } catch (Exception e) {
            // e.g. a full disk under --outdir: the check below must still run and say so
            log.warn "exprflow: could not write the DAG source ${dagFile.replaceAll(/\.html$/, '.mmd')}: ${e.message}"
        }
    }
    // A publish that fails for lack of space is only a warning in .nextflow.log; say it here.
    def full = Exprflow.diskFull(file(params.outdir))
    if (full) {
        log.error "exprflow: error: disk full: ${full}; the results are incomplete: free space, then rerun with -resume (finished tasks are not redone)"
    } else {
        // The end of the run in a few lines: QC's warnings and failures, the headline, the reports.
        def outdir = file(params.outdir)
        try {
            RunSummary.qcLines(outdir).each { log.warn it }
            RunSummary.normaliseLines(outdir).each { line, warn -> warn ? log.warn(line) : log.info(line) }
            if (workflow.success) {
                RunSummary.headlines(outdir).each { log.info it }
                RunSummary.reports(outdir).each { log.info "report: ${it}" }
                if (runMultiqc) {
                    log.info "MultiQC report: ${outdir.resolve('multiqc/multiqc_report.html')}"
                }
            }
        } catch (Exception e) {
            log.debug "exprflow: no end-of-run summary: ${e}"
        }
        if (workflow.success) {
            log.info "exprflow: done, results in ${params.outdir}"
        }
    }
}
