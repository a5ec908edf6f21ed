package org.exprflow.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine;

/** Versions of exprflow and of the libraries that decide its results, for --version and versions.yml. */
public final class Versions implements CommandLine.IVersionProvider {

    public static String exprflow() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/exprflow-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    /** "exprflow 0.1.0": how files and messages name the exprflow that wrote them. */
    public static String exprflowLine() {
        return "exprflow " + exprflow();
    }

    public static String weka() {
        return weka.core.Version.VERSION;
    }

    public static String java() {
        return System.getProperty("java.version");
    }

    /**
     * A Nextflow process's versions.yml: the process name, then one {@code name: "version"} line per
     * tool, four spaces in. Byte for byte what the modules' former heredoc wrote from
     * {@code exprflow --version} piped through sed, so software_versions.yml does not change.
     */
    public static String versionsYml(String process) {
        StringBuilder b = new StringBuilder().append('"').append(process).append("\":\n");
        for (String line : new Versions().getVersion()) {
            int space = line.indexOf(' ');
            b.append("    ").append(line, 0, space).append(": \"").append(line.substring(space + 1)).append("\"\n");
        }
        return b.toString();
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            exprflowLine(),
            "weka " + weka(),
            "java " + java()
        };
    }
}
