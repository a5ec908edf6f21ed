package org.exprflow.download;

import java.util.List;

import org.exprflow.core.UserException;

/**
 * CuMiDa datasets by name (Leukemia_GSE9476). CuMiDa publishes no stable download API, so the path
 * under --cumida-base is a template (--cumida-path) with the placeholders {name} (Leukemia_GSE9476),
 * {type} (Leukemia) and {series} (GSE9476); the default "{name}.csv" fits a flat mirror directory.
 * The local file name is the template's last path segment, so a ".csv.gz" layout keeps its suffix.
 */
final class CumidaSource {
    static final String KIND = "cumida-csv";

    private final BaseUrl base;
    private final String pathTemplate;

    CumidaSource(BaseUrl base, String pathTemplate) {
        if (pathTemplate.startsWith("/") || pathTemplate.contains("..") || !pathTemplate.contains("{name}") && !pathTemplate.contains("{series}")) {
            throw UserException.badParameter("--cumida-path must be relative, without '..', and contain {name} or {series}: " + pathTemplate);
        }
        this.base = base;
        this.pathTemplate = pathTemplate;
    }

    List<RemoteFile> files(Accession accession) {
        if (base == null) {
            throw UserException.badParameter(accession.id() + ": a CuMiDa dataset needs --cumida-base (the site or a mirror directory)");
        }
        String path = pathTemplate.replace("{name}", accession.id())
                .replace("{type}", accession.cumidaType())
                .replace("{series}", accession.series());
        String localName = LocalFileName.check(accession.id(), path.substring(path.lastIndexOf('/') + 1));
        return List.of(new RemoteFile(accession.id(), accession.id(), KIND, localName, base.resolve(path), base.uri(), -1, null));
    }
}
