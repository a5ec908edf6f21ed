import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path

/**
 * What the console says at the end of a run, read from the run's own published files: every QC
 * warning or failure in one line each (QC's JSON), the headline metric of each classification
 * (the metrics JSON: the same numbers as the report) and where the reports are. Files that are not
 * there (another analysis, a failed run) are skipped.
 */
class RunSummary {

    /** One line per QC check that did not pass, e.g. "QC warn matrix: outliers: 1 outlier sample (S07)". */
    static List<String> qcLines(Path outdir) {
        List<String> lines = []
        jsonFiles(outdir.resolve('qc'), '.qc.json').each { Path f ->
            Map qc = new JsonSlurper().parse(f.toFile()) as Map
            String dataset = f.fileName.toString() - '.qc.json'
            (qc.checks as List ?: []).findAll { it.status != 'pass' }.each { Map check ->
                lines << "QC ${check.status} ${dataset}: ${check.name}: ${check.message}"
            }
        }
        return lines
    }

    /**
     * What the per-value normalisation changed, one line per dataset that it changed, e.g.
     * "normalise matrix: log2 not applied: 3000 values <= 0 would have become NA; 12 values raised to
     * the floor". [line, whether it is a warning].
     */
    static List<List> normaliseLines(Path outdir) {
        List<List> lines = []
        jsonFiles(outdir.resolve('qc'), '.normalise_qc.json').each { Path f ->
            Map n = new JsonSlurper().parse(f.toFile()) as Map
            List<String> changes = []
            [values_floored: 'raised to the floor', values_ceilinged: 'lowered to the ceiling',
             values_made_na: 'made NA (<= 0 under log2)'].each { key, what ->
                if ((n[key] ?: 0) as long > 0) {
                    changes << "${n[key]} values ${what}"
                }
            }
            String log2 = n.log2 as String
            boolean warn = ((n.values_made_na ?: 0) as long) > 0 || log2?.startsWith('not applied:')
            if (changes || warn) {
                lines << ["normalise ${f.fileName.toString() - '.normalise_qc.json'}: log2 ${log2}" +
                          (changes ? '; ' + changes.join(', ') : ''), warn]
            }
        }
        return lines
    }

    /**
     * One sentence per classification, from its metrics JSON: "matrix: balanced accuracy 0.94
     * [0.88, 1.00] against 0.50 for ZeroR, permutation p = 0.005 (N = 200)", plus the independent
     * test set's balanced accuracy when there is one.
     */
    static List<String> headlines(Path outdir) {
        List<String> lines = []
        jsonFiles(outdir.resolve('metrics'), '.metrics.json').each { Path f ->
            Map sets = (new JsonSlurper().parse(f.toFile()) as Map).sets as Map
            String sentence = headline(sets)
            if (sentence) {
                lines << "${f.fileName.toString() - '.metrics.json'}: ${sentence}"
            }
        }
        return lines
    }

    /** The sentence for one metrics JSON's sets (null when it has no model scores to report). */
    static String headline(Map sets) {
        Map set = (sets?.cv ?: sets?.test ?: sets?.predict) as Map
        Map model = set?.model as Map
        if (!model?.overall || model.overall.balanced_accuracy == null) {
            return null
        }
        String name = sets?.cv ? 'cross-validated' : (sets?.test ? 'test' : 'new-sample')
        List interval = model.interval?.balanced_accuracy as List
        String text = "${name} balanced accuracy ${fmt(model.overall.balanced_accuracy)}" +
                (interval ? " [${fmt(interval[0])}, ${fmt(interval[1])}]" : '')
        def zeroR = (set.ZeroR as Map)?.overall?.balanced_accuracy
        if (zeroR != null) {
            text += " against ${fmt(zeroR)} for ZeroR"
        }
        Map permutation = model.permutation as Map
        if (permutation?.count) {
            // --permutation_repeats N: the permutations reran only the first N outer repeats (as the report says)
            def repeats = permutation.repeats as Integer
            def on = !repeats ? '' : repeats == 1 ? ', on the first outer repeat' : ", on the first ${repeats} outer repeats"
            text += ", permutation p = ${String.format(Locale.ROOT, '%.3g', permutation.p as double)} (N = ${permutation.count}${on})"
        }
        Map test = (sets?.cv && sets?.test) ? (sets.test as Map).model as Map : null
        if (test?.overall?.balanced_accuracy != null) {
            text += "; independent test ${fmt(test.overall.balanced_accuracy)}"
        }
        return text
    }

    /** The HTML reports of the run. */
    static List<Path> reports(Path outdir) {
        jsonFiles(outdir.resolve('report'), '.html')
    }

    private static String fmt(Object x) {
        String.format(Locale.ROOT, '%.2f', x as double)
    }

    private static List<Path> jsonFiles(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return []
        }
        return Files.list(dir).withCloseable { s -> s.filter { it.fileName.toString().endsWith(suffix) }.sorted().toList() }
    }
}
