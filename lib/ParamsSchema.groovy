import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path

/**
 * Reads nextflow_schema.json and checks the run's params against it, without the nf-schema plugin
 * (plugins cannot be downloaded offline). Supports what the schema uses: type (string, integer,
 * number, boolean), enum, minimum, maximum, pattern, format file-path/directory-path with exists.
 */
class ParamsSchema {

    /** Parameter name -> its schema properties, in the schema's order. */
    final Map<String, Map> properties = new LinkedHashMap<>()
    /** Group title -> parameter names, in the schema's order (for --help). */
    final Map<String, List<String>> groups = new LinkedHashMap<>()
    final Map<String, String> groupDescriptions = [:]

    ParamsSchema(Path schemaFile) {
        Map schema = new JsonSlurper().parse(schemaFile.toFile()) as Map
        Map definitions = (schema.definitions ?: schema.'$defs' ?: [:]) as Map
        definitions.each { String key, Map group ->
            String title = group.title ?: key
            groups[title] = []
            groupDescriptions[title] = group.description ?: ''
            (group.properties as Map).each { String name, Map prop ->
                properties[name] = prop
                groups[title] << name
            }
        }
        (schema.properties as Map ?: [:]).each { String name, Map prop ->
            properties[name] = prop
            groups.computeIfAbsent('Other parameters') { [] } << name
        }
    }

    /**
     * Returns the first problem found, as one line naming the parameter, or null if params are valid.
     * Checks every parameter, given or defaulted, so a bad default in a profile is caught too.
     */
    String firstError(Map params) {
        for (String name : params.keySet().sort()) {
            if (!properties.containsKey(name)) {
                return "unknown parameter --${name}" + suggestion(name)
            }
        }
        for (Map.Entry<String, Map> e : properties.entrySet()) {
            // containsKey: reading a parameter without a default (--slurm_*) would log a warning.
            String problem = check(e.key, e.value, params.containsKey(e.key) ? params[e.key] : null)
            if (problem) {
                return problem
            }
        }
        return null
    }

    /**
     * A did-you-mean for an unknown parameter: Nextflow also stores --foo-bar as fooBar, so first the
     * snake_case name we use; otherwise the known name closest by edit distance (a swap of two
     * letters counts once: --fodls is --folds), when it is close enough to be a typo.
     */
    String suggestion(String name) {
        String snake = name.replace('-', '_').replaceAll(/([a-z0-9])([A-Z])/, '$1_$2').toLowerCase()
        if (properties.containsKey(snake) && snake != name) {
            return " (did you mean --${snake}?)"
        }
        String best = null
        int bestDistance = Integer.MAX_VALUE
        for (String known : properties.keySet().sort()) {
            int d = editDistance(snake, known)
            if (d < bestDistance) {
                best = known
                bestDistance = d
            }
        }
        int allowed = Math.max(1, Math.min(3, (int) (snake.length() / 4)))
        return best != null && bestDistance <= allowed ? " (did you mean --${best}?)" : ''
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1]
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost)
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.length()][b.length()]
    }

    private static String check(String name, Map prop, Object value) {
        if (value == null) {
            return null // optional and not given
        }
        String type = prop.type ?: 'string'
        switch (type) {
            case 'boolean':
                if (!(value instanceof Boolean)) {
                    return "--${name} must be true or false, got '${value}'"
                }
                break
            case 'integer':
                if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
                    return "--${name} must be an integer, got '${value}'"
                }
                break
            case 'number':
                if (!(value instanceof Number)) {
                    return "--${name} must be a number, got '${value}'"
                }
                break
            default:
                // A flag given without a value arrives as true: that is a missing value, not a string.
                if (value instanceof Boolean) {
                    return "--${name} needs a value"
                }
                // Nextflow turns numeric-looking values into numbers; for a string parameter
                // (e.g. a column named 2) that is still a valid string.
                value = value.toString()
        }
        if (prop.enum != null && !((prop.enum as List).collect { it.toString() }.contains(value.toString()))) {
            return "--${name} must be one of ${(prop.enum as List).join(', ')}; got '${value}'"
        }
        if (prop.minimum != null && (value as BigDecimal) < (prop.minimum as BigDecimal)) {
            return "--${name} must be at least ${prop.minimum}, got ${value}"
        }
        if (prop.maximum != null && (value as BigDecimal) > (prop.maximum as BigDecimal)) {
            return "--${name} must be at most ${prop.maximum}, got ${value}"
        }
        if (prop.pattern != null && !(value ==~ prop.pattern)) {
            return "--${name} '${value}' is not valid: ${prop.errorMessage ?: 'must match ' + prop.pattern}"
        }
        if (prop.exists && (prop.format == 'file-path' || prop.format == 'directory-path')) {
            Path path = nextflow.Nextflow.file(value.toString()) as Path
            boolean ok = prop.format == 'file-path' ? Files.isRegularFile(path) : Files.isDirectory(path)
            if (!ok) {
                return "--${name}: ${prop.format == 'file-path' ? 'file' : 'directory'} '${value}' does not exist"
            }
        }
        return null
    }

    /** The --help text: every group and parameter with its type, default and description. */
    String help(String command) {
        StringBuilder out = new StringBuilder()
        out << "Usage: ${command} [--parameter value ...]\n"
        groups.each { String title, List<String> names ->
            out << "\n${title}" << (groupDescriptions[title] ? " - ${groupDescriptions[title]}" : '') << '\n'
            names.each { String name ->
                Map prop = properties[name]
                String kind = prop.enum ? (prop.enum as List).join('|') : (prop.type ?: 'string')
                String dflt = prop.containsKey('default') ? " [default: ${prop.default}]" : ''
                String option = "--${name} <${kind}>"
                // Long option/type columns get the description on the next line, still aligned.
                out << (option.length() <= 40 ? String.format('  %-40s ', option) : "  ${option}\n" + ' ' * 43)
                out << (prop.description ?: '') << dflt << '\n'
            }
        }
        return out.toString()
    }

    /**
     * The parameters that differ from their schema defaults, grouped as --help groups them, one line
     * per group ("  Split options: --folds 10 --group_column patient"); null when none differs.
     */
    String changedSummary(Map params, String launchDir = null) {
        List<String> lines = []
        groups.each { String title, List<String> names ->
            List<String> changed = changedNames(names, params, launchDir)
                .collect { name -> params[name] == true ? "--${name}" : "--${name} ${params[name]}" }
            if (changed) {
                lines << "  ${title}: ${changed.join(' ')}"
            }
        }
        return lines ? lines.join('\n') : null
    }

    /**
     * The same parameters as changedSummary, in schema order, as [name, value, default] maps (values
     * as text, a missing default null), for the report's provenance (lib/Provenance.groovy).
     */
    List<Map<String, String>> changedParameters(Map params, String launchDir = null) {
        changedNames(properties.keySet() as List, params, launchDir).collect { name ->
            [name: name, value: String.valueOf(params[name]), 'default': properties[name].containsKey('default') &&
                    properties[name].default != null ? defaultOf(name, launchDir) : null]
        }
    }

    private List<String> changedNames(List<String> names, Map params, String launchDir) {
        names.findAll { it != 'help' && params.containsKey(it) }.findAll { name ->
            def value = params[name]
            value != null && String.valueOf(value) != defaultOf(name, launchDir)
        }
    }

    /** A default written as "${launchDir}/..." in the schema is the config's expression: resolved. */
    private String defaultOf(String name, String launchDir) {
        def dflt = properties[name].default
        launchDir ? String.valueOf(dflt).replace('${launchDir}', launchDir) : String.valueOf(dflt)
    }

    /**
     * Every schema parameter with its value, sorted by name, for pipeline_info/params.json. A
     * parameter without a default (the --slurm_* ones, read only by -profile slurm) is null; reading
     * it through params[...] would log "Access to undefined parameter" on every run.
     */
    Map<String, Object> snapshot(Map params) {
        new TreeMap<String, Object>(properties.keySet().collectEntries { [(it): params.containsKey(it) ? params[it] : null] })
    }
}
