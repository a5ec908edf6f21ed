import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPInputStream

/**
 * The per-sample quantification files (STAR, salmon, kallisto, RSEM) that a samplesheet's file
 * column lists, read at launch because Nextflow must stage them into IMPORT. Everything else in
 * the samplesheet (ids, labels, batches, its errors) is read by `exprflow import` alone, which gets
 * these files back in the same row order (--sample-files).
 *
 * The reading mirrors java-steps' SamplesheetReader where it matters here: the delimiter is a tab
 * when the header holds one, else a comma; double-quoted cells as in RFC 4180; blank lines skipped;
 * paths relative to the samplesheet's folder.
 */
class PerSampleFiles {

    /** The files in row order, or an error message naming the file and line (files: null). */
    static Map read(Path sheet, String column) {
        List<String> lines = text(sheet).readLines()
        int headerAt = lines.findIndexOf { it.trim() }
        if (headerAt < 0) {
            return [files: null, error: "${sheet}: is empty"]
        }
        String header = lines[headerAt]
        String delimiter = header.contains('\t') ? '\t' : ','
        int index = split(header, delimiter)*.trim().indexOf(column)
        if (index < 0) {
            return [files: null, error: null]
        }
        List<Path> files = []
        for (int i = headerAt + 1; i < lines.size(); i++) {
            if (!lines[i].trim()) {
                continue
            }
            List<String> cells = split(lines[i], delimiter)
            String cell = index < cells.size() ? cells[index].trim() : ''
            if (!cell) {
                return [files: null, error: "${sheet}:${i + 1}: empty '${column}' (--file_column) cell"]
            }
            Path file = sheet.toAbsolutePath().parent.resolve(cell)
            if (!Files.isRegularFile(file)) {
                return [files: null, error: "${sheet}:${i + 1}: file '${cell}' does not exist (paths are relative to the samplesheet)"]
            }
            files << file
        }
        return [files: files, error: files ? null : "${sheet}: lists no samples"]
    }

    private static String text(Path sheet) {
        sheet.toString().endsWith('.gz') ? new GZIPInputStream(Files.newInputStream(sheet)).getText('UTF-8') : sheet.getText('UTF-8')
    }

    /** The cells of one line: RFC 4180 double quotes ("" inside quotes is a quote). */
    private static List<String> split(String line, String delimiter) {
        List<String> cells = []
        StringBuilder cell = new StringBuilder()
        boolean quoted = false
        for (int i = 0; i < line.length(); i++) {
            String c = line[i]
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line[i + 1] == '"') {
                    cell << '"'
                    i++
                } else if (c == '"') {
                    quoted = false
                } else {
                    cell << c
                }
            } else if (c == '"') {
                quoted = true
            } else if (c == delimiter) {
                cells << cell.toString()
                cell.setLength(0)
            } else {
                cell << c
            }
        }
        cells << cell.toString()
        return cells
    }
}
