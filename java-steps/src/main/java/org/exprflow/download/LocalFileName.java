package org.exprflow.download;

import org.exprflow.core.UserException;

/**
 * Checks a file name that came from a remote source before it becomes a local path. A remote name
 * never chooses where a file lands: anything that could climb out of the output directory, name a
 * hidden or temporary file, or break a log line is refused rather than silently rewritten, because a
 * rewritten name would no longer match what the manifest and the user expect.
 */
final class LocalFileName {
    private static final int MAX_LENGTH = 200;

    private LocalFileName() {
    }

    /** The name itself when it is a safe single path component; otherwise a one-line user error. */
    static String check(String accession, String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new UserException(org.exprflow.core.ExitCode.BAD_INPUT,
                    accession + ": refusing remote file name '" + Accession.printable(name) + "': " + problem);
        }
        return name;
    }

    /** Why the name is unsafe, or null when it is safe. */
    static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "empty name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return "contains a control character";
            }
        }
        if (name.contains("..")) {
            return "contains '..'";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return "contains a path separator";
        }
        if (name.length() >= 2 && Character.isLetter(name.charAt(0)) && name.charAt(1) == ':') {
            return "looks like an absolute (drive) path";
        }
        if (name.startsWith(".")) {
            return "starts with '.' (hidden and temporary names are reserved)";
        }
        if (name.startsWith("-") || name.startsWith("~")) {
            return "starts with '" + name.charAt(0) + "'";
        }
        if (name.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        return null;
    }
}
