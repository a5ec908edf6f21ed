import groovy.json.JsonSlurper
import java.nio.file.Path
import org.yaml.snakeyaml.DumperOptions
import org.yaml.snakeyaml.Yaml

/**
 * MultiQC custom-content files (docs/architecture.md, "MultiQC") made from files the steps already
 * wrote: each method returns [file name, text] for collectFile. They are views of the steps' own
 * tables, so no step's interface or task hash changes for MultiQC, and the mapping to MultiQC's
 * format lives in this one file. Tables are `*_mqc.tsv` with MultiQC's YAML header in `# ` comment
 * lines (id, section_name, description, plot_type, pconfig, headers); cells are copied as the steps
 * wrote them (full precision), a missing value is an empty cell. The files of one section share an
 * id, so MultiQC merges their rows (one row per dataset) into one table.
 */
class MultiqcContent {

    /** The section ids, in the order assets/multiqc_config.yml puts them (report_section_order). */
    static final List<String> SECTION_IDS = ['exprflow_classification', 'exprflow_regression', 'exprflow_landmark',
        'exprflow_score', 'exprflow_sample_qc', 'exprflow_peaks_qc', 'exprflow_rna_qc', 'exprflow_software_versions']

    // --- sample QC ---------------------------------------------------------------------------------

    /** The qc step's per-sample table (qc/<id>.qc.tsv), one row per sample. */
    static List sampleQc(String id, Path qcTsv) {
        List<String> lines = qcTsv.text.readLines().findAll { it }
        List<String> header = lines[0].split('\t', -1) as List
        List<List<String>> rows = lines.drop(1).collect { it.split('\t', -1) as List }
        Map titles = [missing_fraction: 'Missing', min: 'Min', q25: 'Q25', median: 'Median', q75: 'Q75', max: 'Max',
                      mean: 'Mean', mean_correlation: 'Mean r', outlier: 'Outlier']
        String text = table([
            id          : 'exprflow_sample_qc',
            section_name: 'Sample QC',
            description : "Per-sample checks of exprflow qc (qc/${id}.qc.tsv): share of missing values, " +
                'value quantiles, mean Pearson correlation with the other samples, and whether the sample is an outlier.',
        ], header, rows, titles.collectEntries { column, title -> [column, [title: title]] })
        return ["${id}.sample_qc_mqc.tsv", text]
    }

    /**
     * The peaks-qc table (qc/<id>.peaks_qc.tsv: section, name, metric, value), pivoted into one
     * table per section (peaks, rna), one row per sample; the quantiles other than the median are
     * left to the step's own file.
     */
    static List<List> peaksQc(String id, Path peaksQcTsv) {
        List<Map<String, String>> rows = StepFile.rows(peaksQcTsv)
        Map<String, String> sections = [peaks: 'Peak QC', rna: 'RNA QC']
        List<List> files = []
        sections.each { String section, String title ->
            List<Map<String, String>> own = rows.findAll { it.section == section && !(it.metric ==~ /.*_(min|max|q\d\d)$/) }
            if (!own) {
                return
            }
            List<String> metrics = own*.metric.unique()
            Map<String, Map<String, String>> bySample = [:]
            own.each { bySample.computeIfAbsent(it.name) { [:] }[it.metric] = it.value }
            String text = table([
                id          : "exprflow_${section}_qc".toString(),
                section_name: title,
                description : "Per-sample checks of exprflow peaks-qc (qc/${id}.peaks_qc.tsv, section ${section}); " +
                    'the other quantiles are in that file.',
            ], ['sample'] + metrics, bySample.collect { name, values -> [name] + metrics.collect { values[it] ?: '' } }, [:])
            files << ["${id}.${section}_qc_mqc.tsv", text]
        }
        return files
    }

    // --- headline metrics --------------------------------------------------------------------------

    /**
     * Classification (metrics/<id>.metrics.json of evaluate): cross-validated balanced accuracy with
     * its bootstrap interval, ZeroR's, the permutation p-value and the independent test set's.
     */
    static List classification(String id, Path metricsJson) {
        Map sets = (new JsonSlurper().parse(metricsJson.toFile()) as Map).sets as Map
        Map cv = (sets?.cv ?: sets?.test ?: sets?.predict) as Map
        Map model = cv?.model as Map
        List interval = model?.interval?.balanced_accuracy as List
        Map permutation = model?.permutation as Map
        Map test = (sets?.cv && sets?.test) ? (sets.test as Map).model as Map : null
        List<String> columns = ['dataset', 'set', 'balanced_accuracy', 'ci_low', 'ci_high', 'zeror_balanced_accuracy',
                                'permutation_p', 'permutations', 'test_balanced_accuracy']
        List row = [id, sets?.cv ? 'cv' : (sets?.test ? 'test' : 'predict'),
                    cell(model?.overall?.balanced_accuracy), cell(interval ? interval[0] : null), cell(interval ? interval[1] : null),
                    cell((cv?.ZeroR as Map)?.overall?.balanced_accuracy),
                    cell(permutation?.count ? permutation.p : null), cell(permutation?.count ?: null),
                    cell(test?.overall?.balanced_accuracy)]
        String text = table([
            id          : 'exprflow_classification',
            section_name: 'Classification',
            description : 'Headline of exprflow evaluate (metrics/<dataset>.metrics.json): balanced accuracy of the ' +
                'model with its bootstrap 95% interval, the ZeroR baseline, the permutation p-value (N permutations) ' +
                'and the balanced accuracy on the independent test samples.',
        ], columns, [row], [
            set                    : [title: 'Set'],
            balanced_accuracy      : [title: 'Balanced accuracy', min: 0, max: 1, format: '{:,.3f}'],
            ci_low                 : [title: 'CI low', min: 0, max: 1, format: '{:,.3f}'],
            ci_high                : [title: 'CI high', min: 0, max: 1, format: '{:,.3f}'],
            zeror_balanced_accuracy: [title: 'ZeroR', description: 'ZeroR (majority class) balanced accuracy', min: 0, max: 1, format: '{:,.3f}'],
            permutation_p          : [title: 'Permutation p', format: '{:,.3g}'],
            permutations           : [title: 'Permutations', format: '{:,.0f}'],
            test_balanced_accuracy : [title: 'Test balanced accuracy', min: 0, max: 1, format: '{:,.3f}'],
        ])
        return ["${id}.classification_mqc.tsv", text]
    }

    /** Regression (peaks; metrics/<id>.metrics.json of evaluate-regression): the model against the training mean, per set. */
    static List regression(String id, Path metricsJson) {
        Map sets = (new JsonSlurper().parse(metricsJson.toFile()) as Map).sets as Map
        List<String> columns = ['dataset', 'pearson', 'spearman', 'r2', 'rmse', 'mean_rmse', 'targets']
        List<List> rows = (sets ?: [:]).findAll { name, set -> (set as Map)?.model }.collect { name, set ->
            Map model = ((set as Map).model as Map).overall as Map
            Map mean = ((set as Map).mean as Map)?.overall as Map
            ["${id} ${name}".toString(), cell(model?.pearson), cell(model?.spearman), cell(model?.r2), cell(model?.rmse),
             cell(mean?.rmse), cell(model?.targets)]
        }
        String text = table([
            id          : 'exprflow_regression',
            section_name: 'Expression from chromatin',
            description : 'Headline of exprflow evaluate-regression (metrics/<id>.metrics.json), one row per set: the ' +
                "model's Pearson and Spearman correlation, R2 and RMSE, against the RMSE of the training mean (the baseline).",
        ], columns, rows, [
            pearson  : [title: 'Pearson r', format: '{:,.3f}'],
            spearman : [title: 'Spearman rho', format: '{:,.3f}'],
            r2       : [title: 'R2', format: '{:,.3f}'],
            rmse     : [title: 'RMSE', format: '{:,.3f}'],
            mean_rmse: [title: 'Baseline RMSE', description: 'RMSE of the training mean', format: '{:,.3f}'],
            targets  : [title: 'Targets', format: '{:,.0f}'],
        ])
        return ["${id}.regression_mqc.tsv", text]
    }

    /** Landmark inference (metrics/<id>.landmark_summary.tsv): the test set, all targets, one row per learner. */
    static List landmark(String id, Path summaryTsv) {
        List<Map<String, String>> rows = StepFile.rows(summaryTsv).findAll { it.set == 'test' && it.group == 'all' }
        List<String> columns = ['learner', 'baseline', 'targets', 'mae_mean', 'rmse_mean', 'pearson_mean',
                                'relative_improvement', 'targets_better_than_baseline']
        String text = table([
            id          : 'exprflow_landmark',
            section_name: 'Landmark-to-target inference',
            description : "Headline of exprflow landmark-summary (metrics/${id}.landmark_summary.tsv): test set, all " +
                "targets, z-score units; relative improvement is the MAE's over the baseline learner's.",
        ], ['row'] + columns, rows.collect { r -> ["${id} ${r.learner}".toString()] + columns.collect { r[it] == 'NA' ? '' : r[it] } }, [
            learner                     : [title: 'Learner'],
            baseline                    : [title: 'Baseline'],
            targets                     : [title: 'Targets', format: '{:,.0f}'],
            mae_mean                    : [title: 'MAE', format: '{:,.3f}'],
            rmse_mean                   : [title: 'RMSE', format: '{:,.3f}'],
            pearson_mean                : [title: 'Pearson r', format: '{:,.3f}'],
            relative_improvement        : [title: 'Improvement', format: '{:,.3f}'],
            targets_better_than_baseline: [title: 'Targets better', format: '{:,.0f}'],
        ])
        return ["${id}.landmark_mqc.tsv", text]
    }

    /** Scored external predictions (metrics/<id>.score.tsv: metric, value). */
    static List score(String id, Path scoreTsv) {
        Map<String, String> values = StepFile.rows(scoreTsv).collectEntries { [(it.metric): it.value] }
        List<String> metrics = ['scored', 'pearson', 'spearman', 'r2', 'rmse', 'mae', 'baseline_rmse']
        String text = table([
            id          : 'exprflow_score',
            section_name: 'Scored predictions',
            description : "Headline of exprflow score (metrics/<id>.score.tsv): predicted against measured values; " +
                'the baseline predicts the mean of the measurements.',
        ], ['predictions'] + metrics, [[id] + metrics.collect { values[it] == null || values[it] == 'NA' ? '' : values[it] }], [
            scored       : [title: 'Pairs scored', format: '{:,.0f}'],
            pearson      : [title: 'Pearson r', format: '{:,.3f}'],
            spearman     : [title: 'Spearman rho', format: '{:,.3f}'],
            r2           : [title: 'R2', format: '{:,.3f}'],
            rmse         : [title: 'RMSE', format: '{:,.3f}'],
            mae          : [title: 'MAE', format: '{:,.3f}'],
            baseline_rmse: [title: 'Baseline RMSE', format: '{:,.3f}'],
        ])
        return ["${id}.score_mqc.tsv", text]
    }

    // --- software versions -------------------------------------------------------------------------

    /**
     * Every tool version of the run (the distinct blocks of the tasks' versions.yml, as collected
     * into pipeline_info/software_versions.yml) plus Nextflow and the pipeline, as the HTML section
     * nf-core's dumpsoftwareversions writes (software_versions_mqc.yml). An HTML section because
     * Debian's MultiQC 1.14 predates MultiQC's own software-versions section (*_mqc_versions.yml).
     */
    static List softwareVersions(List<String> versionBlocks, String pipelineVersion, String nextflowVersion) {
        Map<String, Set<String>> tools = new TreeMap<>()
        versionBlocks.each { String block ->
            (new Yaml().load(block) as Map ?: [:]).each { process, toolVersions ->
                (toolVersions as Map ?: [:]).each { tool, version -> tools.computeIfAbsent(tool.toString()) { new TreeSet<>() } << version.toString() }
            }
        }
        tools['exprflow pipeline'] = [pipelineVersion] as Set
        tools['nextflow'] = [nextflowVersion] as Set
        String rows = tools.collect { tool, versions -> "  <tr><td>${escape(tool)}</td><td>${escape(versions.join(', '))}</td></tr>" }.join('\n')
        Map content = [
            id          : 'exprflow_software_versions',
            section_name: 'Software versions',
            description : 'collected from every task of the run (pipeline_info/software_versions.yml).',
            plot_type   : 'html',
            data        : "<table class=\"table table-condensed\">\n  <tr><th>Software</th><th>Version</th></tr>\n${rows}\n</table>\n".toString(),
        ]
        return ['software_versions_mqc.yml', yaml().dump(plain(content))]
    }

    // --- the format --------------------------------------------------------------------------------

    /**
     * A custom-content table: the config as `# ` YAML comment lines, then the header and the rows,
     * tab-separated. The first column names the rows (MultiQC's sample names).
     */
    static String table(Map config, List<String> columns, List<List> rows, Map headers) {
        Map header = new LinkedHashMap(config)
        header.plot_type = 'table'
        header.pconfig = [id: "${config.id}_table".toString(), namespace: 'exprflow', sortRows: false]
        if (headers) {
            header.headers = headers
        }
        StringBuilder text = new StringBuilder()
        yaml().dump(plain(header)).readLines().each { text << '# ' << it << '\n' }
        text << columns.join('\t') << '\n'
        rows.each { row -> text << row.collect { it == null ? '' : it.toString() }.join('\t') << '\n' }
        return text.toString()
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions()
        options.defaultFlowStyle = DumperOptions.FlowStyle.BLOCK
        options.width = 1000
        return new Yaml(options)
    }

    /** Maps and lists with every GString as a String (SnakeYAML would dump a GString as an object). */
    private static Object plain(Object value) {
        value instanceof Map ? (value as Map).collectEntries(new LinkedHashMap()) { k, v -> [k.toString(), plain(v)] }
            : value instanceof List ? (value as List).collect { plain(it) }
            : value instanceof GString ? value.toString() : value
    }

    /** A JSON number or text as a cell: decimals as written (no exponent), missing as empty. */
    private static String cell(Object value) {
        value == null ? '' : value instanceof BigDecimal ? (value as BigDecimal).toPlainString() : value.toString()
    }

    private static String escape(String s) {
        s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    }
}
