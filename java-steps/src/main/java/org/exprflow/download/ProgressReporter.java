package org.exprflow.download;

import java.util.Locale;

import org.exprflow.core.Log;

/**
 * A progress line on stderr for large transfers (bytes, rate, ETA), at most every 2 seconds or each
 * further 10% of a known size, so a multi-gigabyte download shows it is alive without flooding
 * .command.log. Small files (below the threshold) print nothing.
 */
final class ProgressReporter {
    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final String label;
    private final long minBytes;
    private final long startNanos = System.nanoTime();
    private long startBytes = -1;
    private long lastNanos = startNanos;
    private int lastDecile;

    ProgressReporter(String label, long minBytes) {
        this.label = label;
        this.minBytes = minBytes;
    }

    /** Called after each chunk with the bytes so far and the total size (-1 when unknown). */
    void update(long bytes, long total) {
        if (startBytes < 0) {
            startBytes = bytes;
        }
        if ((total >= 0 ? total : bytes) < minBytes) {
            return;
        }
        long now = System.nanoTime();
        int decile = total > 0 ? (int) Math.min(10, bytes * 10 / total) : 0;
        boolean complete = total >= 0 && bytes == total;
        if (now - lastNanos < INTERVAL_NANOS && decile <= lastDecile && !complete) {
            return;
        }
        if (complete && lastDecile == 10) {
            return;
        }
        lastNanos = now;
        lastDecile = decile;
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        double rate = (bytes - startBytes) / seconds;
        StringBuilder line = new StringBuilder(label).append(": ").append(human(bytes));
        if (total >= 0) {
            line.append(" of ").append(human(total))
                    .append(String.format(Locale.ROOT, " (%d%%)", total == 0 ? 100 : bytes * 100 / total));
        }
        line.append(", ").append(human((long) rate)).append("/s");
        if (total >= 0 && rate > 0 && !complete) {
            line.append(", ETA ").append(duration((long) ((total - bytes) / rate)));
        }
        Log.info(line.toString());
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }
}
