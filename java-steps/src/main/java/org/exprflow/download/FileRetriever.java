package org.exprflow.download;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.exprflow.core.ExitCode;
import org.exprflow.core.Log;
import org.exprflow.core.UserException;

/**
 * Puts one verified remote file under its final name in the output directory, through the cache
 * when there is one. Every write goes to a temporary file in the destination directory and is
 * renamed only after size and md5 are verified; any failure deletes the temporary file, so neither a
 * partial nor an unverified file is ever left behind. (AtomicOutput cannot be used here: a resumed
 * transfer must truncate its temporary file when a server ignores Range, which an OutputStream
 * cannot do.) Copies out of the cache go through the same verified transfer, from a file:// URL.
 */
final class FileRetriever {
    /** What ended up in the output directory, and where its bytes originally came from. */
    record Retrieved(RemoteFile file, long size, String md5, String sourceUrl) {
    }

    private final ResumableTransfer transfer;
    private final DownloadCache cache;
    private final boolean offline;

    FileRetriever(ResumableTransfer transfer, DownloadCache cache, boolean offline) {
        this.transfer = transfer;
        this.cache = cache;
        this.offline = offline;
    }

    Retrieved retrieve(RemoteFile f, Path outputDir) {
        Path target = outputDir.resolve(f.localName());
        if (cache == null) {
            ResumableTransfer.Outcome o = fetchInto(request(f), target);
            Log.info(f.localName() + ": " + o.size() + " bytes, md5 " + o.md5());
            return new Retrieved(f, o.size(), o.md5(), f.url().toString());
        }
        DownloadCache.Entry hit = cache.lookup(f);
        if (hit != null) {
            try {
                ResumableTransfer.Outcome o = fetchInto(fromCache(f, hit), target);
                Log.info(f.localName() + ": from the cache, " + o.size() + " bytes, md5 " + o.md5());
                return new Retrieved(f, o.size(), o.md5(), hit.url());
            } catch (UserException e) {
                if (offline) {
                    throw new UserException(ExitCode.BAD_INPUT, f.accession() + ": the cached copy of " + f.localName()
                            + " is damaged and --offline forbids fetching it again: " + e.getMessage());
                }
                Log.warn(f.localName() + ": the cached copy is damaged (" + e.getMessage() + "); fetching again");
                cache.forget(f);
            }
        }
        if (offline) {
            throw new UserException(ExitCode.BAD_INPUT, f.accession() + ": " + f.localName()
                    + " is not in the cache " + cache.root() + " (--offline)");
        }
        ResumableTransfer.Outcome o = fetchInto(request(f), cache.file(f));
        cache.record(f, o.size(), o.md5());
        DownloadCache.Entry stored = new DownloadCache.Entry(cache.file(f), o.size(), o.md5(), f.url().toString());
        fetchInto(fromCache(f, stored), target);
        Log.info(f.localName() + ": " + o.size() + " bytes, md5 " + o.md5() + " (cached)");
        return new Retrieved(f, o.size(), o.md5(), f.url().toString());
    }

    private static ResumableTransfer.Request request(RemoteFile f) {
        String hint = GeoSource.MATRIX_KIND.equals(f.kind()) && !f.accession().contains("-GPL")
                ? "; a multi-platform series has one matrix per platform: request e.g. " + f.accession() + "-GPL570"
                : "";
        return new ResumableTransfer.Request(f.accession(), f.localName(), f.url(), f.base(), f.expectedSize(),
                f.expectedMd5(), hint);
    }

    private static ResumableTransfer.Request fromCache(RemoteFile f, DownloadCache.Entry e) {
        return new ResumableTransfer.Request(f.accession(), f.localName(), e.file().toUri(), e.file().toUri(),
                e.size(), e.md5(), "");
    }

    /**
     * createTempFile makes the file private (0600); a download cache is often shared by a group on a
     * cluster filesystem, so a finished file gets the usual rw-r--r-- before it takes its final name.
     */
    private static void shareable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private ResumableTransfer.Outcome fetchInto(ResumableTransfer.Request request, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // Unique per process and call: two jobs filling the same shared cache never share a temporary file.
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            tmp.toFile().deleteOnExit();
            ResumableTransfer.Outcome outcome;
            try (ByteSink sink = ByteSink.toFile(tmp)) {
                outcome = transfer.fetch(request, sink);
            }
            shareable(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return outcome;
        } catch (IOException e) {
            throw UserException.badParameter("cannot write " + target + ": " + TransferException.oneLine(e.getMessage()));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    Log.warn("cannot remove the temporary file " + tmp + ": " + e.getMessage());
                }
            }
        }
    }
}
