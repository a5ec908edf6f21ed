package org.exprflow.download;

import java.net.URI;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.exprflow.io.JsonInput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fetches and parses a small JSON metadata document (ENCODE), through the cache when there is one:
 * a cached document is used without any request, and --offline never makes one.
 */
final class MetadataFetcher {
    /** Metadata documents are a few kilobytes; anything near this is not what we asked for. */
    static final long MAX_METADATA_BYTES = 64L << 20;

    private final ResumableTransfer transfer;
    private final DownloadCache cache;
    private final boolean offline;

    MetadataFetcher(TransferOptions options, DownloadCache cache, boolean offline) {
        // A separate, smaller cap keeps a broken or hostile server from filling memory.
        this.transfer = new ResumableTransfer(new TransferOptions(options.retries(), options.backoffMs(),
                options.backoffMaxMs(), options.timeoutMs(), Math.min(options.maxBytes(), MAX_METADATA_BYTES),
                Long.MAX_VALUE, options.tls()));
        this.cache = cache;
        this.offline = offline;
    }

    JsonNode fetch(String requested, String cacheKey, URI url, URI base) {
        String text = cache == null ? null : cache.readMetadata(cacheKey);
        boolean fromCache = text != null;
        if (text == null) {
            if (offline) {
                throw new UserException(ExitCode.BAD_INPUT, requested + ": metadata is not in the cache "
                        + cache.root() + " (--offline)");
            }
            ByteSink.MemorySink sink = ByteSink.inMemory();
            transfer.fetch(new ResumableTransfer.Request(requested, "metadata", url, base, -1, null, ""),
                    sink);
            text = sink.text();
        }
        JsonNode json;
        try {
            json = JsonInput.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new UserException(ExitCode.BAD_INPUT, requested + ": metadata " + (fromCache ? cache.metadata(cacheKey) : url)
                    + " is not valid JSON: " + JsonInput.describe(e));
        }
        if (cache != null && !fromCache) {
            cache.storeMetadata(cacheKey, text);
        }
        return json;
    }
}
