/*
 * MULTIQC: MultiQC's HTML report over exprflow's custom-content files (lib/MultiqcContent.groovy:
 * sample QC, headline metrics, software versions) with assets/multiqc_config.yml (exprflow's
 * section order, no network). Not an exprflow step: it runs the third-party `multiqc`, the local
 * one or, under a container profile, the image --multiqc_container (conf/containers.config), so
 * it has no `exprflow multiqc` subcommand (StepNamesTest lists it as a third-party module).
 * main.nf decides whether it runs (--multiqc auto|always|never).
 *
 * cache 'deep': the custom-content files are rewritten by collectFile on every run (new mtimes,
 * same bytes); hashing their content keeps -resume from rerunning MultiQC for nothing.
 */
process MULTIQC {
    label 'process_single'
    cache 'deep'

    input:
    path custom_content, stageAs: 'custom_content/*'
    path multiqc_config

    output:
    path 'multiqc_report.html', emit: report
    path 'multiqc_report_data', emit: data
    path 'versions.yml'       , emit: versions

    script:
    // --filename: a fixed name whatever --title says (MultiQC names the file after the title otherwise);
    // the data folder follows it (multiqc_report_data).
    def args = task.ext.args ?: ''
    """
    multiqc --force --no-ansi ${args} --config ${multiqc_config} --filename multiqc_report.html custom_content

    # The version MultiQC wrote into its data file, rather than a second Python start-up for
    # `multiqc --version` (docs/architecture.md, "Start-up costs"); that only where the file lacks it.
    version=\$(sed -n 's/.*"config_version": *"\\([^"]*\\)".*/\\1/p' multiqc_report_data/multiqc_data.json 2>/dev/null | head -n 1)
    [ -n "\$version" ] || version=\$(multiqc --version | sed -e 's/^multiqc, version //')
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        multiqc: "\$version"
    END_VERSIONS
    """
}
