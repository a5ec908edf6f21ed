/*
 * SCORE_PREDICTIONS (--analysis score): scores external predictions (a published model's per-gene
 * predicted expression, e.g. Xpresso's) against one measured-expression table (docs/score.md).
 *
 *   --predictions FILE[,FILE|GLOB...] -> SCORE per predictions file (same --measurements, --id_map)
 *                                     -> SCORE_REPORT (one page comparing them all)
 *
 * Each predictions file is its own cached task with meta.id = its file name without extensions,
 * so adding a model's file to the list reruns only that file's task. SCORE_REPORT gathers every
 * file's score and pairs, sorted by id, so nothing depends on the order in which the tasks finish; it
 * is named after the measurements (<measurements>.score_report.html), the one thing all share.
 */
include { SCORE        } from '../modules/local/score'
include { SCORE_REPORT } from '../modules/local/score_report'

/*
 * The files named by --predictions: a comma-separated list of paths or globs (relative to the
 * launch directory), each file once, sorted by path. Returns [files, problem]: problem is one line
 * for main.nf to print before any task starts (a path that does not exist, a glob that matches no
 * file, or two files that would publish under the same id), null when the files are usable.
 */
def predictionFiles(String spec) {
    def found = [] as LinkedHashSet
    for (String item : spec.tokenize(',')*.trim().findAll()) {
        def isGlob = item ==~ /.*[*?\[{].*/
        // files() on a plain path returns it whether or not it exists; only a glob is expanded.
        def matches = (isGlob ? files(item) : [file(item)]).findAll { it.isFile() }
        if (!matches) {
            return [[], isGlob ? "--predictions: no file matches '${item}'" : "--predictions: file '${item}' does not exist"]
        }
        found.addAll(matches)
    }
    if (!found) {
        return [[], '--predictions names no file']
    }
    def sorted = found.toList().sort { it.toString() }
    // The published names are <id>.score.tsv etc.: two files with one id would overwrite each other.
    def clash = sorted.groupBy { it.simpleName }.find { id, same -> same.size() > 1 }
    if (clash) {
        return [[], "--predictions: ${clash.value.join(' and ')} would both be published as '${clash.key}' (the id is the file name without extensions): rename one"]
    }
    return [sorted, null]
}

workflow SCORE_PREDICTIONS {
    take:
    ch_predictions // [meta, predictions file]
    measurements   // the measured-expression table (one for every predictions file)
    id_map         // the id map, or [] without one

    main:
    SCORE(ch_predictions.map { meta, predictions -> [meta, predictions, measurements, id_map] })

    // Every model side by side, in id order.
    ch_scored = SCORE.out.json.join(SCORE.out.pairs)
        .map { meta, json, pairs -> [meta.id, json, pairs] }
        .toSortedList { a, b -> a[0] <=> b[0] }
        .map { scored -> [[id: measurements.simpleName], scored*.getAt(0), scored*.getAt(1), scored*.getAt(2)] }
    SCORE_REPORT(ch_scored)

    emit:
    metrics  = SCORE.out.tsv
    json     = SCORE.out.json
    pairs    = SCORE.out.pairs
    report   = SCORE_REPORT.out.html
    // One versions.yml per task, all alike: main.nf keeps each distinct block once.
    versions = SCORE.out.versions.mix(SCORE_REPORT.out.versions)
}
