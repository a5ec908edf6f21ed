package org.exprflow.download;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Which redirects a download follows. https targets are always allowed (ENCODE itself redirects
 * downloads to cloud storage). Plain http is allowed only back to the scheme, host and port of the
 * base URL the user configured, and never from an https page: a downgrade would let anyone on the
 * path change the bytes. Other schemes (file:, ftp:) are refused so a server cannot make us read a
 * local file.
 */
final class RedirectPolicy {
    static final int MAX_REDIRECTS = 10;

    private RedirectPolicy() {
    }

    /** Null when the redirect may be followed, otherwise why not. */
    static String refusal(URI from, URI to, URI configuredBase) {
        String target = scheme(to);
        if (target.equals("https")) {
            return null;
        }
        if (!target.equals("http")) {
            return "redirect to " + to + " refused: only https (or the configured mirror's own http host) is followed";
        }
        if (scheme(from).equals("https")) {
            return "redirect from https to plain http refused: " + to;
        }
        if (sameOrigin(to, configuredBase)) {
            return null;
        }
        return "redirect to plain http on another host refused: " + to + " (only https, or the configured base "
                + configuredBase.getScheme() + "://" + configuredBase.getAuthority() + ")";
    }

    private static boolean sameOrigin(URI a, URI b) {
        return scheme(a).equals(scheme(b))
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return scheme(u).equals("https") ? 443 : 80;
    }

    private static String scheme(URI u) {
        return Objects.toString(u.getScheme(), "").toLowerCase(Locale.ROOT);
    }
}
