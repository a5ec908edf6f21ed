package org.exprflow.io;

import java.io.ObjectInputFilter;
import java.util.List;

/**
 * The allow-list and limits of {@link VersionedObjectFile}'s deserialisation, so that a model file
 * that is hostile, corrupt or fuzzed is refused with one line (exit 3) before it can allocate
 * gigabytes, nest until the stack overflows, or instantiate a class a model never holds.
 *
 * <ul>
 *   <li>Classes: exprflow's own, Weka's (learners, {@code Instances}, their matrix library MTJ) and
 *       the java.lang/java.util value and collection classes they serialise. Anything else (a
 *       {@code java.net.URL} in a map, the start of the classic gadget chains) is rejected.</li>
 *   <li>Array lengths, object references and bytes are bounded by the file's size: every element or
 *       object of a genuine stream costs at least one byte of it, so no valid file is refused, and a
 *       forged length field cannot make the reader allocate more than a small multiple of the file.</li>
 *   <li>Nesting depth: {@link #MAX_DEPTH}; the deepest object graph of a model the tests make is far
 *       below it (see VersionedObjectFileTest).</li>
 * </ul>
 * The first reason for a rejection is kept, for the error message.
 */
final class ModelInputFilter implements ObjectInputFilter {
    /** Deep enough for Weka's trees (two levels per tree node), shallow enough not to overflow the stack. */
    static final long MAX_DEPTH = 1000;
    /** Package prefixes of the classes a model may hold. */
    static final List<String> ALLOWED_PACKAGES = List.of("org.exprflow.", "weka.", "no.uib.cipr.matrix.");
    /** Packages whose direct classes a model may hold (values, strings, collections, Random). */
    static final List<String> ALLOWED_EXACT_PACKAGES = List.of("java.lang", "java.util");

    private final long fileBytes;
    private String rejection;

    ModelInputFilter(long fileBytes) {
        this.fileBytes = fileBytes;
    }

    /** Why the stream was refused, or null. */
    String rejection() {
        return rejection;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH) {
            return reject("objects nested more than " + MAX_DEPTH + " deep");
        }
        if (info.arrayLength() > fileBytes) {
            return reject("an array of " + info.arrayLength() + " elements in a file of " + fileBytes + " bytes");
        }
        if (info.references() > fileBytes || info.streamBytes() > fileBytes) {
            return reject("more objects than the file has bytes");
        }
        Class<?> type = info.serialClass();
        if (type != null) {
            while (type.isArray()) {
                type = type.getComponentType();
            }
            if (!type.isPrimitive() && !allowed(type.getName())) {
                return reject("class " + type.getName() + " is not one a model holds");
            }
        }
        return Status.UNDECIDED;
    }

    static boolean allowed(String className) {
        for (String p : ALLOWED_PACKAGES) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        int dot = className.lastIndexOf('.');
        return dot > 0 && ALLOWED_EXACT_PACKAGES.contains(className.substring(0, dot));
    }

    private Status reject(String why) {
        if (rejection == null) {
            rejection = why;
        }
        return Status.REJECTED;
    }
}
