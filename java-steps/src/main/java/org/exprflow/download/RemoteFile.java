package org.exprflow.download;

import java.net.URI;

/**
 * One file to fetch: where it comes from, the local name it gets, and what the source publishes
 * about it (size and md5; -1 and null when the source publishes nothing, as GEO and CuMiDa do).
 *
 * @param accession the requested accession, reported in the manifest and in every error
 * @param cacheKey  the accession the file belongs to (the ENCFF of an experiment's file), so a file
 *                  shared by two requests is cached once
 * @param kind      what the file is, e.g. geo-series-matrix (the manifest's kind column)
 * @param localName a checked single path component (see {@link LocalFileName})
 * @param base      the configured base URL of the source: redirects back to its own scheme and host
 *                  are allowed even when that scheme is plain http
 */
record RemoteFile(String accession, String cacheKey, String kind, String localName, URI url, URI base,
        long expectedSize, String expectedMd5) {
}
