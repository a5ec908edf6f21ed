package org.exprflow.ingest;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The gene symbol in a Hu6800/Hu35K probe description, as the Golub et al. (1999) tables give them.
 * Curated probes read {@code SYMBOL Full name} ({@code CST3 Cystatin C (amyloid angiopathy...)},
 * {@code MPO Myeloperoxidase}); the rest are GenBank definitions ({@code GB DEF = ...},
 * {@code Cyclin-dependent kinase 4 (CDK4) gene}) or all-capital protein names
 * ({@code PROTEASOME IOTA CHAIN}), which carry no reliable symbol.
 *
 * <p>The rule: the first whitespace-separated token is the symbol when
 * <ul>
 *   <li>it is an upper-case token (a capital letter, then capitals, digits or hyphens: CST3, HLA-C, MB-1),</li>
 *   <li>a description follows it that does not start with a lower-case word (so {@code KIAA0109 gene},
 *   {@code HD21 mRNA} and {@code G protein-coupled receptor} give none) and that is not itself all capitals
 *   (so {@code GLUCOSE TRANSPORTER TYPE 3; BRAIN} and {@code RING3 PROTEIN} give none),</li>
 *   <li>and the description is not a GenBank definition ({@code GB DEF = ...}).</li>
 * </ul>
 * A short alias list ({@link #ALIASES}) names the genes of whole descriptions that the rule cannot
 * read but that Golub et al. cite as ALL/AML markers (e.g. {@code Zyxin} is ZYX). Everything else
 * has no symbol; a wrong symbol would be worse than none. On the Golub training file the rule gives
 * 2,135 of the 7,129 probes a symbol, the alias list 4 more.
 */
public final class DescriptionSymbols {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9-]*");

    /**
     * Whole descriptions (as in the Golub files) and their HGNC symbol. Only probes that Golub et al.
     * 1999 list among their 50 ALL/AML informative genes and whose description the rule cannot read.
     */
    static final Map<String, String> ALIASES = Map.of(
            "Zyxin", "ZYX",                        // X95735_at, the top AML gene of Golub et al.
            "MB-1 gene", "CD79A",                   // U05259_rna1_at, B-cell antigen receptor Ig-alpha (mb-1)
            "Azurocidin gene", "AZU1",              // M96326_rna1_at
            "Terminal transferase mRNA", "DNTT");   // M11722_at, TdT

    private DescriptionSymbols() {
    }

    /** The symbol of a description, or null when it names none by the rule or the alias list. */
    public static String symbol(String description) {
        if (description == null) {
            return null;
        }
        String d = description.strip();
        String alias = ALIASES.get(d);
        if (alias != null) {
            return alias;
        }
        if (d.startsWith("GB DEF")) {
            return null;
        }
        int space = firstSpace(d);
        if (space < 0) {
            return null;
        }
        String token = d.substring(0, space);
        String rest = d.substring(space).strip();
        if (!SYMBOL.matcher(token).matches() || rest.isEmpty() || Character.isLowerCase(rest.charAt(0))
                || !hasLowerCase(rest)) {
            return null;
        }
        return token;
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasLowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLowerCase(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
