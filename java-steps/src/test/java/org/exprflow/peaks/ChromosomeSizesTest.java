package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --chrom-sizes as a UCSC chrom.sizes, a samtools .fai or a Picard .dict (the latter two via htsjdk) give the same genome. */
@Tag("unit")
class ChromosomeSizesTest {
    @TempDir
    Path tmp;

    @Test
    void faiAndDictReadLikeChromSizes() throws IOException {
        ChromosomeSizes sizes = ChromosomeSizes.read(Files.writeString(tmp.resolve("g.sizes"), "chr1\t1000\nchrM\t16569\n"));
        ChromosomeSizes fai = ChromosomeSizes.read(Files.writeString(tmp.resolve("g.fa.fai"), "chr1\t1000\t6\t60\t61\nchrM\t16569\t1030\t60\t61\n"));
        ChromosomeSizes dict = ChromosomeSizes.read(Files.writeString(tmp.resolve("g.dict"),
                "@HD\tVN:1.6\n@SQ\tSN:chr1\tLN:1000\tM5:0123456789abcdef0123456789abcdef\n@SQ\tSN:chrM\tLN:16569\n"));
        for (ChromosomeSizes g : List.of(fai, dict)) {
            assertEquals(sizes.names(), g.names());
            assertEquals(1000, g.length(0));
            assertEquals(16569, g.length(1));
            assertEquals(1, g.resolve("MT"), "aliases work the same");
        }
        assertEquals(sizes.names().size(), sizes.dictionary().size());
    }

    @Test
    void aBrokenDictIsOneLineNamingTheFile() throws IOException {
        Path dict = Files.writeString(tmp.resolve("bad.dict"), "@SQ\tSN:chr1\tLN:notanumber\n");
        UserException e = assertThrows(UserException.class, () -> ChromosomeSizes.read(dict));
        assertTrue(e.getMessage().startsWith(dict + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        Path empty = Files.writeString(tmp.resolve("empty.dict"), "@HD\tVN:1.6\n");
        assertTrue(assertThrows(UserException.class, () -> ChromosomeSizes.read(empty)).getMessage().contains("no contigs"));
    }
}
