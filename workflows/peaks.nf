/*
 * PEAKS: expression from chromatin. Two designs (--peaks_design), both ending in the regression
 * metrics of the model beside the training-mean baseline and a report with the predicted-versus-
 * measured scatter; PEAKS_QC describes the input files beside the analysis, and the report shows it.
 *
 * (a) across samples (the seed project): for each gene with its TSS in --region, predict its
 *     log2(TPM + 1) in a sample from that sample's peaks in the region's windows.
 *
 *       REGION_DATASET per (region, chunk of genes) -> SPLIT (CV folds over samples)
 *         -> REGRESS per (region, chunk, repeat, fold) -> EVALUATE_REGRESSION -> REPORT
 *       PEAKS_QC ---------------------------------------------------------------^
 *
 *     The genes of a region are scattered in --target_chunks chunks, each one cached task, and
 *     every chunk's regression in every fold is its own cached task keyed by (region, chunk,
 *     repeat, fold). The folds are made once from one chunk's dataset: all chunks have the same
 *     samples, and a numeric target has a single stratum, so the folds are the same for any chunk.
 *
 * (b) across genes (the real-data design): per tissue, one row per gene with its chromatin
 *     features around the TSS; a model trained on --train_tissue with --holdout_chromosomes held
 *     out predicts the held-out genes and transfers to the other tissues.
 *
 *       GENE_FEATURES per tissue -> SPLIT (held-out chromosomes) -> REGRESS (train tissue, with
 *         the other tissues as transfer sets) -> EVALUATE_REGRESSION -> REPORT
 *       PEAKS_QC ----------------------------------------------------------^
 *
 * Samplesheets are read here, before any task, and a mistake in them stops the run with one line
 * naming the sheet and row. Relative paths in a sheet are relative to the sheet's own directory, so
 * a sheet and its data can move together.
 */
include { REGION_DATASET                 } from '../modules/local/region_dataset'
include { COUNT                          } from '../modules/local/count'
include { GENE_FEATURES                  } from '../modules/local/gene_features'
include { PEAKS_QC                       } from '../modules/local/peaks_qc'
include { SPLIT as SPLIT_SAMPLES         } from '../modules/local/split'
include { SPLIT as SPLIT_GENES           } from '../modules/local/split'
include { REGRESS                        } from '../modules/local/regress'
include { EVALUATE_REGRESSION            } from '../modules/local/evaluate_regression'
include { REPORT                         } from '../modules/local/report'
include { cvFolds; sortedGroups          } from './classify'

/*
 * A mistake in a samplesheet or in --region: one line and exit code 2, as for a bad parameter
 * (main.nf's abort), since it is found before any task starts.
 */
def peaksError(String message) {
    log.debug "exprflow: error: ${message}"
    System.err.println "exprflow: error: ${message}"
    System.exit(2)
}

/*
 * The rows of a CSV/TSV samplesheet as maps, after checking that it has the required columns. Each
 * row also gets _line (its line number) for messages.
 */
def readSheet(String option, sheetPath, List<String> required) {
    def sheet = file(sheetPath)
    def lines = sheet.readLines().findAll { it.trim() }
    // A UTF-8 byte-order mark (Excel writes one) is not part of the first column's name.
    if (lines && lines[0].startsWith('\uFEFF')) {
        lines[0] = lines[0].substring(1)
    }
    if (!lines) {
        peaksError("--${option} ${sheet}: the samplesheet is empty")
    }
    def sep = lines[0].contains('\t') ? '\t' : ','
    def header = lines[0].split(sep, -1)*.trim()
    def missing = required.findAll { !(it in header) }
    if (missing) {
        peaksError("--${option} ${sheet}: missing column(s) ${missing.join(', ')} (found ${header.join(', ')})")
    }
    lines.drop(1).withIndex().collect { line, i ->
        def cells = line.split(sep, -1)*.trim()
        if (cells.size() != header.size()) {
            peaksError("--${option} ${sheet}:${i + 2}: ${cells.size()} fields, the header has ${header.size()}")
        }
        [header, cells].transpose().collectEntries() + [_line: i + 2]
    }
}

/* A file named in a samplesheet: relative to the sheet's directory, and it must exist. */
def sheetFile(String option, sheetPath, Map row, String column) {
    def value = row[column]
    if (!value) {
        peaksError("--${option} ${sheetPath}:${row._line}: no value in column ${column}")
    }
    def f = value.startsWith('/') || value =~ /^[a-z]+:\/\// ? file(value) : file(sheetPath).parent.resolve(value)
    if (!f.exists()) {
        peaksError("--${option} ${sheetPath}:${row._line}: ${column} file ${value} does not exist")
    }
    return f
}

/* Sample, tissue and mark names go unquoted into command lines and file names: keep them plain. */
def checkName(String option, sheetPath, Map row, String column) {
    if (!(row[column] ==~ /[A-Za-z0-9][A-Za-z0-9._-]*/)) {
        peaksError("--${option} ${sheetPath}:${row._line}: ${column} '${row[column]}' must be letters, digits, '.', '_' or '-'")
    }
    return row[column]
}

/* The contig lengths of --chrom_sizes, in file order. */
def chromSizes(sizesPath) {
    file(sizesPath).readLines().findAll { it.trim() && !it.startsWith('#') }.collectEntries { line ->
        def f = line.split('\t')
        [f[0], f[1] as long]
    }
}

/*
 * --region as a list of [label, region]: each item is CHROM:START-END (0-based, half-open) or a
 * chromosome name, which means the whole chromosome (its length from --chrom_sizes; chr1 and 1 name
 * the same contig, as in the steps). Overlapping regions would score a gene twice, so are refused.
 */
def parseRegions(String spec, sizesPath) {
    def sizes = chromSizes(sizesPath)
    def regions = spec.tokenize(',')*.trim().findAll().collect { item ->
        def m = item =~ /^([^:]+):([0-9]+)-([0-9]+)$/
        if (m.matches()) {
            return [chrom: m.group(1), start: m.group(2) as long, end: m.group(3) as long]
        }
        def name = [item, item.startsWith('chr') ? item.substring(3) : "chr${item}"].find { sizes.containsKey(it) }
        if (!name) {
            peaksError("--region: '${item}' is neither CHROM:START-END nor a chromosome of --chrom_sizes ${sizesPath}")
        }
        [chrom: name, start: 0L, end: sizes[name]]
    }
    regions.eachWithIndex { a, i ->
        regions.drop(i + 1).each { b ->
            if (a.chrom == b.chrom && a.start < b.end && b.start < a.end) {
                peaksError("--region: ${a.chrom}:${a.start}-${a.end} and ${b.chrom}:${b.start}-${b.end} overlap (a gene would be scored twice)")
            }
        }
    }
    regions.collect { r -> [label: "${r.chrom}_${r.start}-${r.end}", region: "${r.chrom}:${r.start}-${r.end}"] }
}

/* The base name of a file without its extensions: the id of the study's published files. */
def studyId(path) {
    file(path).name.replaceAll(/\..*$/, '')
}

workflow PEAKS {
    main:
    ch_versions = Channel.empty()
    def annotation = file(params.annotation)
    def chrom_sizes = file(params.chrom_sizes)

    if (params.peaks_design == 'a') {
        // ---- (a) across samples: samplesheet columns sample, peaks, rna ----
        def sheet = params.peaks_samplesheet
        def rows = readSheet('peaks_samplesheet', sheet, ['sample', 'peaks', 'rna'])
        def samples = rows.collect { row ->
            [name : checkName('peaks_samplesheet', sheet, row, 'sample'),
             peaks: sheetFile('peaks_samplesheet', sheet, row, 'peaks'),
             rna  : sheetFile('peaks_samplesheet', sheet, row, 'rna')]
        }
        def duplicated = samples*.name.countBy { it }.findAll { it.value > 1 }*.key
        if (duplicated) {
            peaksError("--peaks_samplesheet ${sheet}: sample(s) ${duplicated.join(', ')} listed more than once")
        }
        if (samples.size() < params.folds) {
            peaksError("--peaks_samplesheet ${sheet}: ${samples.size()} samples for ${params.folds} folds; lower --folds")
        }
        def id = studyId(sheet)
        def regions = parseRegions(params.region.toString(), chrom_sizes)
        // A mark given as BAM (or CRAM) files, one per sample, is binned as read counts: COUNT per
        // region in the windows REGION_DATASET uses, then REGION_DATASET reads the counts.
        def bams = samples.findAll { it.peaks.name ==~ /(?i).*\.(bam|cram)$/ }
        if (bams && bams.size() != samples.size()) {
            peaksError("--peaks_samplesheet ${sheet}: column peaks mixes BAM/CRAM files and peak files; give one kind")
        }
        def indexes = bams.collect { s ->
            def candidates = s.peaks.name.toLowerCase().endsWith('.cram') ? ["${s.peaks}.crai"] : ["${s.peaks}.bai", "${s.peaks}.csi"]
            def found = candidates.collect { file(it) }.find { it.exists() }
            if (!found) {
                peaksError("--peaks_samplesheet ${sheet}: ${s.peaks} has no index beside it (${candidates*.tokenize('/')*.last().join(' or ')}); create one with 'samtools index'")
            }
            found
        }

        // The scatter over (region, chunk of its genes); region and chunk indices are the sort key.
        def chunks = params.target_chunks as int
        def ch_region_inputs
        if (bams) {
            if (params.bin_value != 'count') {
                peaksError("--bin_value ${params.bin_value}: a mark given as BAM files is binned as read counts (--bin_value count)")
            }
            def count_units = regions.withIndex().collect { r, ri ->
                [[id: "${id}.${r.label}", region_index: ri, features: 'bins', bin_size: params.bin_size, step: params.bin_step,
                  region: r.region, names: samples*.name],
                 samples*.peaks, indexes, chrom_sizes, []]
            }
            COUNT(Channel.fromList(count_units))
            ch_versions = ch_versions.mix(COUNT.out.versions)
            ch_region_inputs = COUNT.out.counts.flatMap { meta, table ->
                def r = regions[meta.region_index]
                (1..chunks).collect { k ->
                    [[id: "${id}.${r.label}.c${k}", study: id, region: r.region, region_index: meta.region_index, chunk: k,
                      chunks: chunks, samples: samples*.name, counts: true],
                     table, samples*.rna, annotation, chrom_sizes]
                }
            }
        } else {
            def units = []
            regions.eachWithIndex { r, ri ->
                (1..chunks).each { k ->
                    units << [[id: "${id}.${r.label}.c${k}", study: id, region: r.region, region_index: ri, chunk: k,
                               chunks: chunks, samples: samples*.name],
                              samples*.peaks, samples*.rna, annotation, chrom_sizes]
                }
            }
            ch_region_inputs = Channel.fromList(units)
        }
        REGION_DATASET(ch_region_inputs)
        ch_versions = ch_versions.mix(REGION_DATASET.out.versions)

        // Chunks without genes (a region with fewer genes than chunks) have nothing to regress.
        ch_datasets = REGION_DATASET.out.dataset
            .join(REGION_DATASET.out.targets)
            .map { meta, dataset, targets ->
                if (!(targets ==~ /[0-9]+/)) {
                    error("REGION_DATASET ${meta.id}: could not read its number of targets from the step's log")
                }
                [meta, dataset, targets as int]
            }
            .filter { meta, dataset, targets -> targets > 0 }
            .map { meta, dataset, targets -> [meta, dataset] }

        // One split for the whole study, from the first non-empty chunk in (region, chunk) order.
        ch_split_input = ch_datasets
            .toSortedList { a, b -> a[0].region_index <=> b[0].region_index ?: a[0].chunk <=> b[0].chunk }
            .map { list ->
                if (!list) {
                    error("--region ${params.region}: no gene of --annotation has its TSS there")
                }
                [[id: id], list[0][1]]
            }
        SPLIT_SAMPLES(ch_split_input)
        ch_versions = ch_versions.mix(SPLIT_SAMPLES.out.versions)

        // One REGRESS task per (region, chunk, repeat, fold).
        ch_folds = ch_datasets
            .combine(SPLIT_SAMPLES.out.splits.map { meta, splits -> splits })
            .flatMap { meta, dataset, splits ->
                cvFolds(splits).collect { repeat, fold -> [meta + [repeat: repeat, fold: fold], dataset, splits, [], []] }
            }
        REGRESS(ch_folds)
        ch_versions = ch_versions.mix(REGRESS.out.versions)

        // The gather, sorted by (region, chunk, repeat, fold) so EVALUATE's command line is stable.
        ch_tables = sortedGroups(
            REGRESS.out.predictions.map { meta, table -> [meta.study, [meta.region_index, meta.chunk, meta.repeat, meta.fold], table] }
        ).map { study, tables -> [[id: study], tables] }

        // BAM files are not peak files: QC then describes the RNA files only.
        PEAKS_QC(Channel.of([[id: id], bams ? [] : samples*.name, bams ? [] : samples*.peaks, samples*.name, samples*.rna, annotation, chrom_sizes]))
        ch_versions = ch_versions.mix(PEAKS_QC.out.versions)
    } else {
        // ---- (b) across genes: peak sheet columns tissue, mark, file; RNA per tissue ----
        def sheet = params.peaks_samplesheet
        def rows = readSheet('peaks_samplesheet', sheet, ['tissue', 'mark', 'file'])
        // RNA per tissue: a second sheet (tissue, rna), or an rna column repeated on each tissue's rows.
        def rnaOf = [:]
        if (params.rna_samplesheet) {
            readSheet('rna_samplesheet', params.rna_samplesheet, ['tissue', 'rna']).each { row ->
                def tissue = checkName('rna_samplesheet', params.rna_samplesheet, row, 'tissue')
                if (rnaOf.containsKey(tissue)) {
                    peaksError("--rna_samplesheet ${params.rna_samplesheet}:${row._line}: tissue ${tissue} listed more than once")
                }
                rnaOf[tissue] = sheetFile('rna_samplesheet', params.rna_samplesheet, row, 'rna')
            }
        } else {
            rows.each { row ->
                if (!row.containsKey('rna')) {
                    peaksError("--peaks_samplesheet ${sheet}: no rna column; add one or give --rna_samplesheet (columns tissue, rna)")
                }
                def f = sheetFile('peaks_samplesheet', sheet, row, 'rna')
                if (rnaOf.containsKey(row.tissue) && rnaOf[row.tissue] != f) {
                    peaksError("--peaks_samplesheet ${sheet}:${row._line}: tissue ${row.tissue} has two rna files")
                }
                rnaOf[row.tissue] = f
            }
        }
        // tissue -> sorted [mark, file] pairs (gene-features sorts marks by name too).
        def marks = [:]
        rows.each { row ->
            def tissue = checkName('peaks_samplesheet', sheet, row, 'tissue')
            def mark = checkName('peaks_samplesheet', sheet, row, 'mark')
            def pairs = marks.computeIfAbsent(tissue) { [] }
            if (pairs.any { it[0] == mark }) {
                peaksError("--peaks_samplesheet ${sheet}:${row._line}: tissue ${tissue} has mark ${mark} twice")
            }
            pairs << [mark, sheetFile('peaks_samplesheet', sheet, row, 'file')]
        }
        def tissues = marks.keySet().sort()
        tissues.findAll { !rnaOf.containsKey(it) }.each { peaksError("tissue ${it} has peaks but no RNA file") }
        // A model applies to another tissue only when its features (one block per mark) are the same.
        def markSets = tissues.collectEntries { [it, marks[it]*.getAt(0).sort()] }
        def train = params.train_tissue
        if (!(train in tissues)) {
            peaksError("--train_tissue ${train} is not a tissue of --peaks_samplesheet (tissues: ${tissues.join(', ')})")
        }
        def transfer = params.transfer_tissues ? params.transfer_tissues.toString().tokenize(',')*.trim().findAll()
            : tissues.findAll { it != train }
        transfer.each { t ->
            if (!(t in tissues) || t == train) {
                peaksError("--transfer_tissues: ${t} is not a tissue of --peaks_samplesheet other than --train_tissue (tissues: ${tissues.join(', ')})")
            }
            if (markSets[t] != markSets[train]) {
                peaksError("--transfer_tissues: ${t} has marks ${markSets[t].join(',')}, the training tissue ${train} has ${markSets[train].join(',')}")
            }
        }
        transfer = transfer.sort()

        def units = ([train] + transfer).collect { t ->
            def pairs = marks[t].sort { it[0] }
            [[id: t, tissue: t], pairs*.getAt(0), pairs*.getAt(1), rnaOf[t], annotation, chrom_sizes]
        }
        GENE_FEATURES(Channel.fromList(units))
        ch_versions = ch_versions.mix(GENE_FEATURES.out.versions)

        ch_train = GENE_FEATURES.out.dataset.filter { meta, dataset -> meta.tissue == train }
        SPLIT_GENES(ch_train)
        ch_versions = ch_versions.mix(SPLIT_GENES.out.versions)

        // The transfer datasets in tissue order, whatever order their tasks finished in.
        ch_transfer = GENE_FEATURES.out.dataset
            .filter { meta, dataset -> meta.tissue != train }
            .toSortedList { a, b -> a[0].tissue <=> b[0].tissue }
            .map { list -> [list.collect { it[0].tissue }, list.collect { it[1] }] }
        REGRESS(
            ch_train.join(SPLIT_GENES.out.splits)
                .combine(ch_transfer)
                .map { meta, dataset, splits, names, files -> [meta, dataset, splits, names, files] }
        )
        ch_versions = ch_versions.mix(REGRESS.out.versions)
        ch_tables = REGRESS.out.predictions.map { meta, table -> [meta, [table]] }

        // QC of every tissue's mark files and RNA: one name per (tissue, mark), the RNA named by tissue.
        def qcPairs = tissues.collectMany { t -> marks[t].sort { it[0] }.collect { m, f -> ["${t}.${m}", f] } }
        PEAKS_QC(Channel.of([[id: studyId(sheet)], qcPairs*.getAt(0), qcPairs*.getAt(1), tissues, tissues.collect { rnaOf[it] },
                             annotation, chrom_sizes]))
        ch_versions = ch_versions.mix(PEAKS_QC.out.versions)
    }

    EVALUATE_REGRESSION(ch_tables)
    ch_versions = ch_versions.mix(EVALUATE_REGRESSION.out.versions)

    // The report reads evaluate-regression's outputs through the same options as classify's, and
    // PEAKS_QC's JSON through its QC input (`exprflow report` tells a peaks-qc JSON from qc.json by
    // its shape). One PEAKS_QC and one EVALUATE_REGRESSION task per run, so combine pairs them; a
    // join by meta would not, since in design b their ids differ (the samplesheet, the tissue).
    // The run's record as in classify (lib/Provenance.groovy): versions, parameters, and the checksums of
    // the samplesheets and reference files (the schema's file parameters); no normalise step, no final model.
    ch_provenance = ch_versions.map { versions -> versions.text.trim() }
        .toList()
        .map { blocks ->
            Provenance.write(workflow.workDir, file("${projectDir}/nextflow_schema.json"), params, workflow,
                nextflow.version.toString(), blocks.unique().sort(), [])
        }
    REPORT(EVALUATE_REGRESSION.out.json.join(EVALUATE_REGRESSION.out.predictions)
        .combine(PEAKS_QC.out.json.map { meta, json -> json })
        .combine(ch_provenance)
        .map { meta, json, table, qc, provenance -> [meta, qc, json, table, [], [], provenance, [], []] })
    ch_versions = ch_versions.mix(REPORT.out.versions)

    // MultiQC's custom content (main.nf runs MULTIQC): the peak and RNA QC tables and the headline.
    ch_multiqc = PEAKS_QC.out.tsv.flatMap { meta, table -> MultiqcContent.peaksQc(meta.id, table) }
        .mix(EVALUATE_REGRESSION.out.json.map { meta, json -> MultiqcContent.regression(meta.id, json) })

    emit:
    metrics  = EVALUATE_REGRESSION.out.tsv
    multiqc  = ch_multiqc
    report   = REPORT.out.html
    qc       = PEAKS_QC.out.json
    versions = ch_versions
}
