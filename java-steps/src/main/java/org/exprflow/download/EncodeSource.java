package org.exprflow.download;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.exprflow.core.ExitCode;
import org.exprflow.core.Log;
import org.exprflow.core.UserException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * ENCODE files (ENCFF...) and experiments (ENCSR...) through the ENCODE REST API:
 * {@code <base>/files/ENCFF.../?format=json} and {@code <base>/experiments/ENCSR.../?format=json}
 * give the File objects; each file is fetched from {@code <base><href>} and verified against its
 * published file_size and md5sum. A file:// mirror has no query strings, so there the metadata is
 * read from {@code <dir>/files/ENCFF.../index.json} and {@code <dir>/experiments/ENCSR.../index.json}.
 */
final class EncodeSource {
    static final String KIND = "encode-file";
    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");

    private final BaseUrl base;
    private final EncodeFileFilter filter;
    private final MetadataFetcher metadata;

    EncodeSource(BaseUrl base, EncodeFileFilter filter, MetadataFetcher metadata) {
        this.base = base;
        this.filter = filter;
        this.metadata = metadata;
    }

    List<RemoteFile> files(Accession accession) {
        boolean experiment = accession.kind() == Accession.Kind.ENCODE_EXPERIMENT;
        URI url = metadataUrl(experiment ? "experiments" : "files", accession.id());
        JsonNode object = metadata.fetch(accession.id(), accession.id(), url, base.uri());
        if (!object.isObject()) {
            throw bad(accession.id(), "metadata " + url + " is not a JSON object");
        }
        if (!experiment) {
            EncodeFileRecord f = EncodeFileRecord.from(object);
            if (f.accession() != null && !f.accession().equals(accession.id())) {
                throw bad(accession.id(), "metadata " + url + " describes " + f.accession());
            }
            if (!f.released()) {
                Log.warn(accession.id() + ": file status is '" + f.status() + "', not 'released'");
            }
            return List.of(remoteFile(accession.id(), f));
        }
        JsonNode list = object.path("files");
        if (!list.isArray()) {
            throw bad(accession.id(), "metadata " + url + " has no 'files' list");
        }
        List<EncodeFileRecord> chosen = new ArrayList<>();
        TreeSet<String> available = new TreeSet<>();
        for (JsonNode item : list) {
            // Only embedded File objects carry href and md5sum; plain "@id" strings cannot be verified.
            if (item.isObject()) {
                EncodeFileRecord f = EncodeFileRecord.from(item);
                available.add(f.describe());
                if (filter.matches(f)) {
                    chosen.add(f);
                }
            }
        }
        if (chosen.isEmpty()) {
            throw UserException.unsuitable(accession.id() + ": no file matches " + filter.describe()
                    + "; available (file_type / output_type / assembly / status): " + String.join("; ", available));
        }
        chosen.sort(Comparator.comparing(f -> String.valueOf(f.accession())));
        Log.info(accession.id() + ": " + chosen.size() + " of " + list.size() + " files match " + filter.describe());
        List<RemoteFile> out = new ArrayList<>();
        for (EncodeFileRecord f : chosen) {
            out.add(remoteFile(accession.id(), f));
        }
        return out;
    }

    URI metadataUrl(String collection, String id) {
        return base.resolve(collection + "/" + id + (base.isFile() ? "/index.json" : "/?format=json"));
    }

    /** Validates what the metadata says before any of it reaches a URL or a local path. */
    private RemoteFile remoteFile(String requested, EncodeFileRecord f) {
        if (!Accession.isEncodeFileId(f.accession())) {
            throw bad(requested, "file accession '" + Accession.printable(String.valueOf(f.accession())) + "' is not ENCFF...");
        }
        String where = requested.equals(f.accession()) ? requested : requested + ": " + f.accession();
        if (f.href() == null) {
            throw bad(where, "metadata has no href");
        }
        URI href;
        try {
            href = new URI(f.href());
        } catch (URISyntaxException e) {
            throw bad(where, "href is not a URL path: " + Accession.printable(f.href()));
        }
        String path = href.getPath();
        // The href is appended to the configured base: it must be a plain absolute path on that host,
        // never another host ("//evil", "https://...") and never a climb out of a file:// mirror.
        if (href.getScheme() != null || href.getRawAuthority() != null || path == null || !path.startsWith("/")
                || href.getRawQuery() != null || href.getRawFragment() != null) {
            throw bad(where, "href must be a path on the ENCODE server: " + Accession.printable(f.href()));
        }
        // Split the raw path before decoding, so an encoded "%2F" stays inside the name and is refused there.
        String rawPath = href.getRawPath();
        String name = decode(rawPath.substring(rawPath.lastIndexOf('/') + 1));
        LocalFileName.check(where, name);
        for (String raw : rawPath.split("/")) {
            String segment = decode(raw);
            if (segment.equals("..") || segment.equals(".")) {
                throw bad(where, "href contains a '" + segment + "' segment: " + Accession.printable(f.href()));
            }
        }
        if (f.md5sum() != null && !MD5.matcher(f.md5sum()).matches()) {
            throw bad(where, "md5sum '" + Accession.printable(f.md5sum()) + "' is not 32 hexadecimal digits");
        }
        String localName = name.startsWith(f.accession()) ? name : f.accession() + "_" + name;
        return new RemoteFile(requested, f.accession(), KIND, localName, URI.create(base.uri() + href.getRawPath()),
                base.uri(), f.fileSize(), f.md5sum() == null ? null : f.md5sum().toLowerCase(java.util.Locale.ROOT));
    }

    private static String decode(String rawSegment) {
        return java.net.URLDecoder.decode(rawSegment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static UserException bad(String where, String problem) {
        return new UserException(ExitCode.BAD_INPUT, where + ": " + problem);
    }
}
