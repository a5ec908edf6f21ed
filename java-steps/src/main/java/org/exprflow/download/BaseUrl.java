package org.exprflow.download;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.exprflow.core.UserException;

/**
 * A configured source base URL (--geo-base, --cumida-base, --encode-base): https, http (only
 * because the user typed it) or file:// for a local mirror. Relative paths are appended to it;
 * they are built from validated accessions only.
 */
record BaseUrl(URI uri) {

    static BaseUrl parse(String option, String text) {
        URI uri;
        try {
            uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw UserException.badParameter(option + ": not a URL: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "https", "http" -> {
                if (uri.getHost() == null) {
                    throw UserException.badParameter(option + ": no host in " + text);
                }
            }
            case "file" -> {
                if (uri.getPath() == null || uri.getPath().isEmpty()) {
                    throw UserException.badParameter(option + ": no directory in " + text);
                }
            }
            default -> throw UserException.badParameter(option + ": scheme must be https, http or file: " + text);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw UserException.badParameter(option + ": a base URL takes no query or fragment: " + text);
        }
        return new BaseUrl(uri);
    }

    boolean isFile() {
        return "file".equalsIgnoreCase(uri.getScheme());
    }

    /** The base followed by a relative path ("series/GSEnnn/..."), which must not start with '/'. */
    URI resolve(String relativePath) {
        return URI.create(uri.toString() + "/" + relativePath);
    }
}
