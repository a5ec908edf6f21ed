package org.exprflow.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.JsonInput;
import org.exprflow.io.JsonOutput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A directory of verified downloads, keyed by accession and file name:
 * {@code <cache>/<accession>/<file>} with a sidecar {@code <cache>/<accession>/.<file>.json}
 * recording url, size and md5. The sidecar is written after the file is renamed into place, so a
 * file without a sidecar (a crash in between) is simply fetched again. ENCODE metadata is kept as
 * {@code <cache>/<accession>/.metadata.json}, which is what lets a warm-cache run make no request at
 * all; it also pins the file list until the entry is deleted. Hidden names cannot clash with
 * downloads, because {@link LocalFileName} refuses names starting with '.'.
 */
final class DownloadCache {
    /** A cache hit: the file and what its sidecar records. */
    record Entry(Path file, long size, String md5, String url) {
    }

    private final Path root;

    DownloadCache(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The directory of one accession; accessions are validated, so this never leaves the cache. */
    Path directory(String accession) {
        return root.resolve(accession);
    }

    Path file(RemoteFile f) {
        return directory(f.cacheKey()).resolve(f.localName());
    }

    private Path sidecar(RemoteFile f) {
        return directory(f.cacheKey()).resolve("." + f.localName() + ".json");
    }

    Path metadata(String accession) {
        return directory(accession).resolve(".metadata.json");
    }

    /** The entry when file and sidecar agree with each other and with what the source publishes. */
    Entry lookup(RemoteFile f) {
        Path file = file(f);
        Path sidecar = sidecar(f);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(sidecar)) {
            return null;
        }
        try {
            JsonNode json = JsonInput.parse(Files.readAllBytes(sidecar));
            JsonNode sizeNode = json.path("size");
            String md5 = json.path("md5").textValue();
            if (!sizeNode.isIntegralNumber() || !sizeNode.canConvertToLong() || md5 == null) {
                Log.warn(f.localName() + ": unreadable cache sidecar; fetching again");
                return null;
            }
            long size = sizeNode.longValue();
            String url = json.path("url").isTextual() ? json.path("url").textValue() : f.url().toString();
            if (Files.size(file) != size
                    || (f.expectedSize() >= 0 && f.expectedSize() != size)
                    || (f.expectedMd5() != null && !f.expectedMd5().equalsIgnoreCase(md5))) {
                Log.warn(f.localName() + ": cache entry does not match the published size/md5; fetching again");
                return null;
            }
            return new Entry(file, size, md5, url);
        } catch (JsonProcessingException e) {
            Log.warn(f.localName() + ": unreadable cache entry (" + JsonInput.describe(e) + "); fetching again");
            return null;
        } catch (IOException e) {
            Log.warn(f.localName() + ": unreadable cache entry (" + TransferException.oneLine(e.getMessage()) + "); fetching again");
            return null;
        }
    }

    void record(RemoteFile f, long size, String md5) {
        // Not a step file, so no exprflow_kind: the cache's own record, read back by lookup().
        String json = JsonOutput.render(JsonOutput.object()
                .put("accession", f.cacheKey())
                .put("kind", f.kind())
                .put("file", f.localName())
                .put("url", f.url().toString())
                .put("size", size)
                .put("md5", md5));
        write(sidecar(f), json);
    }

    void forget(RemoteFile f) {
        try {
            Files.deleteIfExists(sidecar(f));
            Files.deleteIfExists(file(f));
        } catch (IOException e) {
            throw UserException.badParameter("cannot remove the stale cache entry " + file(f) + ": " + e.getMessage());
        }
    }

    String readMetadata(String accession) {
        Path p = metadata(accession);
        if (!Files.isRegularFile(p)) {
            return null;
        }
        try {
            return Files.readString(p);
        } catch (IOException e) {
            Log.warn(accession + ": unreadable cached metadata; fetching again");
            return null;
        }
    }

    void storeMetadata(String accession, String json) {
        write(metadata(accession), json);
    }

    private static void write(Path target, String text) {
        try {
            AtomicOutput.writeString(target, text);
        } catch (IOException e) {
            throw UserException.badParameter("cannot write to the cache: " + target + ": " + e.getMessage());
        }
    }
}
