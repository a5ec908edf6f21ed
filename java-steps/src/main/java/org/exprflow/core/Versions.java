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

    @Override
    public String[] getVersion() {
        return new String[] {
            exprflowLine(),
            "weka " + weka(),
            "java " + java()
        };
    }
}
