package org.exprflow.download;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.io.AtomicOutput;

/**
 * The manifest TSV: one row per file, {@code accession kind file size md5 url}, sorted by accession
 * then file name, written atomically and without timestamps, so two runs with the same request
 * produce the same bytes and the pipeline can key on it.
 */
final class ManifestWriter {
    static final String HEADER = "accession\tkind\tfile\tsize\tmd5\turl";

    private ManifestWriter() {
    }

    static void write(Path target, List<FileRetriever.Retrieved> rows) {
        List<FileRetriever.Retrieved> sorted = rows.stream()
                .sorted(Comparator.comparing((FileRetriever.Retrieved r) -> r.file().accession())
                        .thenComparing(r -> r.file().localName()))
                .toList();
        try {
            AtomicOutput.writeText(target, w -> {
                w.write(HEADER);
                w.write('\n');
                for (FileRetriever.Retrieved r : sorted) {
                    w.write(String.join("\t", r.file().accession(), r.file().kind(), r.file().localName(),
                            Long.toString(r.size()), r.md5(), TransferException.oneLine(r.sourceUrl())));
                    w.write('\n');
                }
            });
        } catch (IOException e) {
            throw UserException.badParameter("cannot write the manifest " + target + ": " + e.getMessage());
        }
    }
}
