import java.nio.file.Path

/**
 * Reads the rows of an exprflow step file (java-steps' StepTable): an optional kind line
 * ('## exprflow <kind> <version>', absent in files of an exprflow from before it), the header,
 * then tab-separated rows. splitCsv would take the kind line for the header, so the workflows read
 * step files through this.
 */
class StepFile {

    /** The rows as maps from column name to cell, in file order; blank lines are skipped as the steps do. */
    static List<Map<String, String>> rows(Path path) {
        List<String> lines = path.text.readLines().findAll { it }
        if (lines && lines[0].startsWith('##')) {
            lines = lines.drop(1)
        }
        if (!lines) {
            return []
        }
        List<String> header = lines[0].split('\t', -1) as List
        return lines.drop(1).collect { line ->
            List<String> cells = line.split('\t', -1) as List
            Map<String, String> row = [:]
            header.eachWithIndex { name, i -> row[name] = i < cells.size() ? cells[i] : null }
            row
        }
    }
}
