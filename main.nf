#!/usr/bin/env nextflow
/*
 * exprflow: machine learning on gene-expression data.
 *
 * This file only checks the run before any task starts (parameters against nextflow_schema.json,
 * the steps jar) and dispatches on --analysis; the analyses live in workflows/.
 */
nextflow.enable.dsl = 2

import groovy.json.JsonOutput

include { CLASSIFY         } from './workflows/classify'
include { PREDICT_SAMPLES  } from './workflows/predict'

// Analyses named in the schema but not written yet: refused up front rather than half-run.
def PLANNED_ANALYSES = ['peaks', 'landmark', 'score']

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
    println schema.help("nextflow run ${workflow.manifest.name ?: 'exprflow'} --analysis classify --input FILE")
    System.exit(0)
}

def problem = schema.firstError(params)
if (problem) {
    abort(problem)
}
if (params.analysis in PLANNED_ANALYSES) {
    abort("--analysis ${params.analysis} is not implemented yet in this version (available: classify, predict)")
}
if (!params.input) {
    abort("--input is required for --analysis ${params.analysis}")
}
if (params.analysis == 'predict' && !params.model) {
    abort('--model is required for --analysis predict')
}
if (params.analysis != 'predict' && params.model) {
    abort('--model is only used by --analysis predict')
}
if (params.test_samplesheet && !params.test_input) {
    abort('--test_samplesheet needs --test_input')
}

// The jar is built by ./nextfloww; with a plain `nextflow run .` the user builds it once.
if (!Exprflow.locateJar(projectDir)) {
    abort('java-steps/target/exprflow.jar not found: run `mvn -f java-steps/pom.xml package -DskipTests` (or use ./nextfloww, which builds it)')
}

// The parameters of this run, next to the trace: what was asked, not just what ran.
def pipelineInfo = file("${params.outdir}/pipeline_info")
pipelineInfo.mkdirs()
file("${pipelineInfo}/params.json").text = JsonOutput.prettyPrint(JsonOutput.toJson(schema.snapshot(params))) + '\n'

workflow {
    if (params.analysis == 'classify') {
        CLASSIFY()
        ch_versions = CLASSIFY.out.versions
    } else {
        PREDICT_SAMPLES()
        ch_versions = PREDICT_SAMPLES.out.versions
    }

    // One software_versions.yml from every task's versions.yml. Fold tasks repeat the same text:
    // keep each distinct block once, sorted, so the file is the same on every run.
    ch_versions
        .map { versions -> versions.text.trim() }
        .unique()
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
        session.dag.normalize()
        new nextflow.dag.MermaidRenderer().renderDocument(session.dag, file(dagFile.replaceAll(/\.html$/, '.mmd')))
    }
    if (workflow.success) {
        log.info "exprflow: done, results in ${params.outdir}"
    }
}
