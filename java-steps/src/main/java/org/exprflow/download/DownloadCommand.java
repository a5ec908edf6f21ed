package org.exprflow.download;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLSocketFactory;

import org.exprflow.core.ExitCode;
import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exprflow download}: fetches GEO series, CuMiDa datasets and ENCODE files by accession into
 * an output directory, verified (size and md5 when published), atomically renamed, optionally through
 * a cache, and lists them in a deterministic manifest. Files are fetched one after another: the
 * pipeline parallelises across tasks, and one task should not hammer a public server.
 */
@Command(name = "download",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Download GEO series (GSE781, GSE781-GPL96 for one platform's matrix), CuMiDa datasets",
            "(Leukemia_GSE9476), ENCODE files (ENCFF...) and experiments (ENCSR...) by accession.",
            "Retries with exponential backoff (connect errors, timeouts, HTTP 5xx, 408, 429), resumes with",
            "HTTP Range, verifies size and md5 when the source publishes them, renames into place only",
            "after verification, and writes a sorted manifest TSV: accession kind file size md5 url.",
            "Exit codes: 2 bad option or accession, 3 a file could not be fetched or verified,",
            "4 an experiment has no file matching the filters."
        })
public final class DownloadCommand extends StepCommand {

    @Option(names = "--accession", paramLabel = "ACC", description = "An accession; repeatable.")
    List<String> accessions = new ArrayList<>();

    @Option(names = "--accessions", paramLabel = "FILE", description = "One accession per line, or a CSV/TSV with an 'accession' column.")
    Path accessionFile;

    @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Where the files go.")
    Path outputDir;

    @Option(names = "--manifest", paramLabel = "FILE", description = "Manifest TSV (default: DIR/manifest.tsv).")
    Path manifest;

    @Option(names = "--geo-soft", description = "Also fetch each GEO series' family SOFT file.")
    boolean geoSoft;

    @Option(names = "--geo-base", defaultValue = "https://ftp.ncbi.nlm.nih.gov/geo", paramLabel = "URL",
            description = "GEO site or mirror, https/http/file (default: ${DEFAULT-VALUE}).")
    String geoBase;

    @Option(names = "--cumida-base", paramLabel = "URL", description = "CuMiDa site or mirror directory (required for CuMiDa names).")
    String cumidaBase;

    @Option(names = "--cumida-path", defaultValue = "{name}.csv", paramLabel = "TEMPLATE",
            description = "Path under --cumida-base; placeholders {name} {type} {series} (default: ${DEFAULT-VALUE}).")
    String cumidaPath;

    @Option(names = "--encode-base", defaultValue = "https://www.encodeproject.org", paramLabel = "URL",
            description = "ENCODE portal or mirror (default: ${DEFAULT-VALUE}).")
    String encodeBase;

    @Option(names = "--file-format", paramLabel = "FORMAT", description = "ENCODE experiments: file_type or file_format, e.g. 'bed narrowPeak'.")
    String fileFormat;

    @Option(names = "--output-type", paramLabel = "TYPE", description = "ENCODE experiments: output_type, e.g. 'pseudoreplicated peaks'.")
    String outputType;

    @Option(names = "--assembly", paramLabel = "NAME", description = "ENCODE experiments: assembly, e.g. GRCh38.")
    String assembly;

    @Option(names = "--cache", paramLabel = "DIR", description = "Cache of verified files; a cached file is never fetched again.")
    Path cacheDir;

    @Option(names = "--offline", description = "Use only the cache; fail naming the accession when something is missing.")
    boolean offline;

    @Option(names = "--retries", defaultValue = "5", description = "Retries after a failed attempt (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--backoff-ms", defaultValue = "2000", description = "First retry delay, doubled each retry (default: ${DEFAULT-VALUE}).")
    long backoffMs;

    @Option(names = "--backoff-max-ms", defaultValue = "120000", description = "Retry delay cap, also for Retry-After (default: ${DEFAULT-VALUE}).")
    long backoffMaxMs;

    @Option(names = "--timeout-ms", defaultValue = "60000", description = "Connect timeout, and longest wait for any byte (default: ${DEFAULT-VALUE}).")
    int timeoutMs;

    @Option(names = "--max-bytes", defaultValue = "20G", converter = ByteSizeConverter.class, paramLabel = "SIZE",
            description = "Largest file accepted, e.g. 20G, 500M (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--progress-min-bytes", defaultValue = "64M", converter = ByteSizeConverter.class, paramLabel = "SIZE",
            description = "Print progress for files at least this large (default: ${DEFAULT-VALUE}).")
    long progressMinBytes;

    @Option(names = "--truststore", paramLabel = "FILE",
            description = "PKCS12/JKS truststore for https (default: the JDK's, or -Djavax.net.ssl.trustStore).")
    Path truststore;

    @Option(names = "--truststore-password", paramLabel = "PASS", description = "Password of --truststore (a public CA store needs none).")
    String truststorePassword;

    @Override
    protected void validateArguments() {
        checkOptions();
    }

    @Override
    protected void execute() {
        List<Accession> requested = requestedAccessions();
        SSLSocketFactory tls = truststore == null ? null : TlsTrust.socketFactory(truststore, truststorePassword);
        TransferOptions options = new TransferOptions(retries, backoffMs, backoffMaxMs, timeoutMs, maxBytes, progressMinBytes, tls);
        DownloadCache cache = cacheDir == null ? null : new DownloadCache(cacheDir);
        ResumableTransfer transfer = new ResumableTransfer(options);

        GeoSource geo = new GeoSource(BaseUrl.parse("--geo-base", geoBase), geoSoft);
        CumidaSource cumida = new CumidaSource(cumidaBase == null ? null : BaseUrl.parse("--cumida-base", cumidaBase), cumidaPath);
        EncodeSource encode = new EncodeSource(BaseUrl.parse("--encode-base", encodeBase),
                new EncodeFileFilter(fileFormat, outputType, assembly), new MetadataFetcher(options, cache, offline));

        Path manifestPath = manifest != null ? manifest : outputDir.resolve("manifest.tsv");
        Map<String, RemoteFile> byName = new LinkedHashMap<>();
        for (Accession a : requested) {
            List<RemoteFile> files = switch (a.kind()) {
                case GEO_SERIES -> geo.files(a);
                case CUMIDA_DATASET -> cumida.files(a);
                case ENCODE_FILE, ENCODE_EXPERIMENT -> encode.files(a);
            };
            for (RemoteFile f : files) {
                addUnique(byName, f, outputDir, manifestPath);
            }
        }
        List<FileRetriever.Retrieved> done = new ArrayList<>();
        FileRetriever retriever = new FileRetriever(transfer, cache, offline);
        for (RemoteFile f : byName.values()) {
            done.add(retriever.retrieve(f, outputDir));
        }
        ManifestWriter.write(manifestPath, done);
        Log.info(done.size() + " file(s) for " + requested.size() + " accession(s); manifest " + manifestPath.getFileName());
    }

    private void checkOptions() {
        if (retries < 0 || backoffMs < 0 || backoffMaxMs < backoffMs || timeoutMs <= 0) {
            throw UserException.badParameter("need --retries >= 0, 0 <= --backoff-ms <= --backoff-max-ms, --timeout-ms > 0");
        }
        if (offline && cacheDir == null) {
            throw UserException.badParameter("--offline needs --cache DIR");
        }
        if (truststorePassword != null && truststore == null) {
            throw UserException.badParameter("--truststore-password needs --truststore FILE");
        }
        if (accessions.isEmpty() && accessionFile == null) {
            throw UserException.badParameter("give --accession ACC (repeatable) or --accessions FILE");
        }
    }

    /** Accessions in the order given, duplicates dropped (a samplesheet may name a series twice). */
    private List<Accession> requestedAccessions() {
        Set<String> seen = new LinkedHashSet<>();
        List<Accession> out = new ArrayList<>();
        List<Accession> all = new ArrayList<>();
        for (String text : accessions) {
            all.add(Accession.parse(text.strip()));
        }
        if (accessionFile != null) {
            all.addAll(AccessionListReader.read(accessionFile));
        }
        for (Accession a : all) {
            if (seen.add(a.id())) {
                out.add(a);
            }
        }
        return out;
    }

    /** Two requests may share a file (an ENCFF inside a requested ENCSR); two different files may not share a name. */
    private static void addUnique(Map<String, RemoteFile> byName, RemoteFile f, Path outputDir, Path manifestPath) {
        if (outputDir.resolve(f.localName()).toAbsolutePath().normalize().equals(manifestPath.toAbsolutePath().normalize())) {
            throw UserException.badParameter(f.accession() + ": file " + f.localName() + " would overwrite the manifest; use --manifest");
        }
        RemoteFile earlier = byName.get(f.localName());
        if (earlier == null) {
            byName.put(f.localName(), f);
        } else if (!earlier.url().equals(f.url())) {
            throw new UserException(ExitCode.BAD_INPUT, f.accession() + " and " + earlier.accession()
                    + " both produce a file named " + f.localName() + " from different URLs");
        }
    }
}
