package org.exprflow.peaks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.UserException;

import htsjdk.samtools.SAMException;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.reference.FastaSequenceIndex;
import htsjdk.samtools.reference.FastaSequenceIndexEntry;
import htsjdk.variant.utils.SAMSequenceDictionaryExtractor;

/**
 * Sequence dictionaries from a Picard {@code .dict} or a samtools {@code .fai}, read by htsjdk
 * (its parse errors become one-line input errors naming the file).
 */
final class HtsjdkDictionaries {
    private HtsjdkDictionaries() {
    }

    static SAMSequenceDictionary read(Path path) {
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw UserException.badFile(path, "no such file");
        }
        try {
            if (path.getFileName().toString().endsWith(".fai")) {
                List<SAMSequenceRecord> records = new ArrayList<>();
                for (FastaSequenceIndexEntry e : new FastaSequenceIndex(path)) {
                    records.add(new SAMSequenceRecord(e.getContig(), (int) e.getSize()));
                }
                return new SAMSequenceDictionary(records);
            }
            return SAMSequenceDictionaryExtractor.extractDictionary(path);
        } catch (SAMException | IllegalArgumentException | htsjdk.tribble.TribbleException e) {
            throw UserException.badFile(path, "not a readable sequence dictionary: " + oneLine(e.getMessage()));
        }
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
