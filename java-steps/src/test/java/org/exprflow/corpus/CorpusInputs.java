package org.exprflow.corpus;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The input column of a corpus manifest: a file of the reader's folder ({@code ok.csv}), a quoted
 * text with escapes ({@code "id\tS1\n"}), a fixture ({@code @model.xfm}) or a generator applied to
 * any of these, nested freely: {@code bom(ok.csv)}, {@code gzip(random(3,200))}. Generated content
 * (encodings, compression, line ends, cut files, crafted serialisation streams) stays in code, so a
 * case is one manifest line. The file gets the case's name when that has an extension, else the
 * case name plus the extension of the file it came from.
 */
final class CorpusInputs {
    /** What an input expression yields: the bytes and the extension they suggest (".csv", ".tsv.gz"). */
    record Made(byte[] bytes, String extension) {
    }

    private final Path readerDir;

    CorpusInputs(Path readerDir) {
        this.readerDir = readerDir;
    }

    Made make(String expression) {
        Parser p = new Parser(expression.strip());
        Made made = p.expression();
        if (p.pos != p.text.length()) {
            throw new IllegalArgumentException("unexpected '" + p.text.substring(p.pos) + "' in input " + expression);
        }
        return made;
    }

    private Made call(String name, List<Object> args) {
        try {
            return switch (name) {
                case "bom" -> new Made(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, made(args, 0).bytes), ext(args));
                case "utf16le" -> recode(made(args, 0), StandardCharsets.UTF_16LE, new byte[0]);
                case "utf16be" -> recode(made(args, 0), StandardCharsets.UTF_16BE, new byte[0]);
                case "utf16bom" -> recode(made(args, 0), StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE});
                case "utf32" -> recode(made(args, 0), Charset.forName("UTF-32LE"), new byte[0]);
                case "latin1" -> recode(made(args, 0), StandardCharsets.ISO_8859_1, new byte[0]);
                case "gzip" -> new Made(gzip(made(args, 0).bytes), ext(args) + ".gz");
                case "crlf" -> new Made(text(made(args, 0)).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), ext(args));
                case "cr" -> new Made(text(made(args, 0)).replace("\n", "\r").getBytes(StandardCharsets.UTF_8), ext(args));
                case "nonl" -> new Made(text(made(args, 0)).stripTrailing().getBytes(StandardCharsets.UTF_8), ext(args));
                case "cut" -> new Made(Arrays.copyOf(made(args, 0).bytes, number(args, 1)), ext(args));
                case "half" -> {
                    byte[] b = made(args, 0).bytes;
                    yield new Made(Arrays.copyOf(b, b.length / 2), ext(args));
                }
                case "lines" -> {
                    List<String> all = text(made(args, 0)).lines().toList();
                    yield new Made((String.join("\n", all.subList(0, Math.min(number(args, 1), all.size()))) + "\n")
                            .getBytes(StandardCharsets.UTF_8), ext(args));
                }
                case "repeat" -> new Made(text(made(args, 0)).repeat(number(args, 1)).getBytes(StandardCharsets.UTF_8), ext(args));
                case "replace" -> new Made(text(made(args, 0)).replace(string(args, 1), string(args, 2))
                        .getBytes(StandardCharsets.UTF_8), ext(args));
                case "append" -> new Made(concat(made(args, 0).bytes, made(args, 1).bytes), ext(args));
                case "empty" -> new Made(new byte[0], "");
                case "random" -> {
                    byte[] b = new byte[number(args, 1)];
                    new Random(number(args, 0)).nextBytes(b);
                    yield new Made(b, "");
                }
                case "zeros" -> new Made(new byte[number(args, 0)], "");
                case "xfm" -> new Made(header("XFMD", number(args, 0), args.size() > 1 ? made(args, 1).bytes : new byte[0]), ".xfm");
                case "xlm" -> new Made(header("XFLM", number(args, 0), args.size() > 1 ? made(args, 1).bytes : new byte[0]), ".xlm");
                case "serial" -> new Made(CraftedStreams.make(string(args, 0)), "");
                case "modelwith" -> new Made(header(string(args, 0), 2, CraftedStreams.make(string(args, 1))),
                        string(args, 0).equals("XFMD") ? ".xfm" : ".xlm");
                default -> throw new IllegalArgumentException("no input generator '" + name + "'");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model-file header as {@code io.VersionedObjectFile} writes it (from format 2 with the writer line), then the body. */
    private static byte[] header(String magic, int version, byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(magic.getBytes(StandardCharsets.US_ASCII));
        out.writeInt(version);
        if (version >= 2) {
            out.writeUTF("exprflow corpus");
        }
        out.write(body);
        out.flush();
        return bytes.toByteArray();
    }

    private Made file(String name) {
        try {
            if (name.startsWith("@")) {
                Path f = CorpusFixtures.get(name.substring(1));
                return new Made(Files.readAllBytes(f), extensionOf(name));
            }
            return new Made(Files.readAllBytes(readerDir.resolve(name)), extensionOf(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String extensionOf(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        int dot = base.indexOf('.', 1);
        return dot < 0 ? "" : base.substring(dot);
    }

    private static Made recode(Made m, Charset charset, byte[] bom) {
        return new Made(concat(bom, text(m).getBytes(charset)), m.extension);
    }

    private static String text(Made m) {
        return new String(m.bytes, StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static Made made(List<Object> args, int i) {
        return (Made) args.get(i);
    }

    private static String ext(List<Object> args) {
        return made(args, 0).extension;
    }

    private static int number(List<Object> args, int i) {
        return Integer.parseInt(string(args, i));
    }

    private static String string(List<Object> args, int i) {
        Object a = args.get(i);
        return a instanceof Made m ? text(m) : (String) a;
    }

    /** name(arg, ...) | "text" | file; an argument that is neither a call nor quoted stays a word (a number, a name). */
    private final class Parser {
        final String text;
        int pos;

        Parser(String text) {
            this.text = text;
        }

        Made expression() {
            Object o = term(false);
            return (Made) o;
        }

        private Object term(boolean argument) {
            if (peek() == '"') {
                return new Made(quoted().getBytes(StandardCharsets.UTF_8), "");
            }
            int start = pos;
            while (pos < text.length() && "(),".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String word = text.substring(start, pos).strip();
            if (peek() == '(') {
                pos++;
                List<Object> args = new ArrayList<>();
                while (peek() != ')') {
                    args.add(term(true));
                    if (peek() == ',') {
                        pos++;
                    }
                }
                pos++;
                return call(word, args);
            }
            // a bare word is a file where a file is wanted; generators that want a number or a name read it as text
            if (!argument) {
                return file(word);
            }
            return looksLikeFile(word) ? file(word) : word;
        }

        private boolean looksLikeFile(String word) {
            return word.startsWith("@") || Files.isRegularFile(readerDir.resolve(word));
        }

        private char peek() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
            return pos < text.length() ? text.charAt(pos) : 0;
        }

        private String quoted() {
            StringBuilder b = new StringBuilder();
            pos++;
            while (text.charAt(pos) != '"') {
                char c = text.charAt(pos++);
                if (c == '\\') {
                    char e = text.charAt(pos++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case '0' -> b.append('\0');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            pos++;
            return b.toString();
        }
    }

    /** Serialisation streams no exprflow writes: the shapes an attacker or a fuzzer would try. */
    static final class CraftedStreams {
        private CraftedStreams() {
        }

        static byte[] make(String kind) throws IOException {
            return switch (kind) {
                case "huge-array" -> {
                    // a double[1] whose length field claims 2^31-1 elements (16 GiB)
                    byte[] b = serialise(new double[] {1.0});
                    int at = b.length - 12;
                    b[at] = 0x7f;
                    b[at + 1] = (byte) 0xff;
                    b[at + 2] = (byte) 0xff;
                    b[at + 3] = (byte) 0xff;
                    yield b;
                }
                case "hashmap-url" -> {
                    // the classic probe gadget: a map whose key resolves a host name when it is hashed
                    java.util.HashMap<Object, Object> map = new java.util.HashMap<>();
                    map.put(new java.net.URL("http://exprflow.invalid/"), "x");
                    yield serialise(map);
                }
                case "deep" -> {
                    // Object[]{Object[]{...}} nested 100,000 deep, written by hand (writeObject itself would overflow)
                    byte[] one = serialise(new Object[] {null});
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(one, 0, one.length - 1);
                    byte[] level = {0x75, 0x71, 0x00, 0x7e, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01};
                    for (int i = 0; i < 100_000; i++) {
                        out.write(level);
                    }
                    out.write(0x70);
                    yield out.toByteArray();
                }
                case "string" -> serialise("not a model");
                case "array-list" -> serialise(new ArrayList<>(List.of("a", "b")));
                default -> throw new IllegalArgumentException("no crafted stream '" + kind + "'");
            };
        }

        private static byte[] serialise(Object o) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(o);
            }
            return bytes.toByteArray();
        }
    }
}
