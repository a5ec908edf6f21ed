package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Option ranges in a learner's command line: the three forms, their order, and one-line errors naming the option. */
@Tag("unit")
class OptionRangesTest {
    private static final String SMO = "weka.classifiers.functions.SMO";
    private static final String IBK = "weka.classifiers.lazy.IBk";

    private static List<String> expand(String text) {
        OptionRanges r = OptionRanges.parse(text);
        List<String> out = new ArrayList<>();
        for (long i = 0; i < r.size(); i++) {
            out.add(r.learner(i));
        }
        return out;
    }

    /** The values a single range gives, read back from the expanded learners "PREFIX value SUFFIX". */
    private static List<String> values(String prefix, String range, String suffix) {
        return expand(prefix + range + suffix).stream()
                .map(l -> l.substring(prefix.length(), l.length() - suffix.length())).toList();
    }

    private static void assertRefused(String text, String fragment) {
        UserException e = assertThrows(UserException.class, () -> OptionRanges.parse(text));
        assertEquals(org.exprflow.core.ExitCode.USAGE, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("--learner '" + text + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void log2RangeGivesExactPowersInOrder() {
        List<String> c = values(SMO + " -C ", "2^[-5:5]", " -M");
        assertEquals(List.of("0.03125", "0.0625", "0.125", "0.25", "0.5", "1", "2", "4", "8", "16", "32"), c);
        assertEquals(List.of("0.001", "0.01", "0.1", "1"), values(SMO + " -C ", "10^[-3:0]", ""));
        assertEquals(List.of("0.0078125", "0.03125", "0.125"), values(SMO + " -C ", "2^[-7:-3:2]", ""));
        assertEquals(List.of("0.03125", "1", "32"), values(SMO + " -C ", "2^[-5,0,5]", ""));
        assertEquals(List.of("4", "2", "1"), values(SMO + " -C ", "2^[2:0]", ""), "a falling range steps by -1");
        // 2^-30 written exactly, so Weka parses the exact power of two
        String tiny = values(SMO + " -C ", "2^[-30:-30]", "").get(0);
        assertEquals(Math.pow(2, -30), Double.parseDouble(tiny), 0.0);
        assertFalse(tiny.contains("E"), tiny);
    }

    @Test
    void listKeepsTheWrittenOrder() {
        assertEquals(List.of("1", "2", "4", "8"), values("weka.classifiers.trees.RandomForest -K ", "[1,2,4,8]", " -I 50"));
        assertEquals(List.of("8", "1"), values("weka.classifiers.trees.RandomForest -K ", "[8, 1]", ""));
        assertEquals(List.of("true", "false"), values("x.Y -flag ", "[true,false]", ""));
    }

    @Test
    void linearRangeWithStep() {
        assertEquals(List.of("1", "3", "5", "7", "9", "11", "13", "15"), values(IBK + " -K ", "[1:15:2]", ""));
        assertEquals(List.of("1", "2", "3"), values(IBK + " -K ", "[1:3]", ""));
        assertEquals(List.of("1", "3"), values(IBK + " -K ", "[1:4:2]", ""), "the end is kept only when a step lands on it");
        assertEquals(List.of("15", "10", "5"), values(IBK + " -K ", "[15:5:-5]", ""));
        assertEquals(List.of("5", "4", "3"), values(IBK + " -K ", "[5:3]", ""));
        assertEquals(List.of("0.5", "1", "1.5", "2"), values(SMO + " -C ", "[0.5:2:0.5]", ""));
        // decimal steps are exact: 0.1 x 3 is 0.3, not 0.30000000000000004
        assertEquals(List.of("0", "0.1", "0.2", "0.3"), values(SMO + " -C ", "[0:0.3:0.1]", ""));
        assertEquals(List.of("7"), values(IBK + " -K ", "[7:7]", ""));
    }

    @Test
    void severalRangesExpandFirstRangeSlowest() {
        assertEquals(List.of(SMO + " -C 1 -L 0.1", SMO + " -C 1 -L 0.01", SMO + " -C 2 -L 0.1", SMO + " -C 2 -L 0.01"),
                expand(SMO + " -C [1,2] -L [0.1,0.01]"));
        OptionRanges fixed = OptionRanges.parse(SMO + " -M");
        assertTrue(fixed.isFixed());
        assertEquals(1, fixed.size());
        assertEquals(SMO + " -M", fixed.learner(0));
    }

    @Test
    void rangeInsideANestedOptionReachesWekaAndItsCanonicalLine() {
        List<String> learners = expand(SMO + " -K \"weka.classifiers.functions.supportVector.RBFKernel -G 2^[-2:0]\"");
        assertEquals(SMO + " -K \"weka.classifiers.functions.supportVector.RBFKernel -G 0.25\"", learners.get(0));
        assertEquals(3, learners.size());
        String canonical = WekaLearnerSpec.canonical(WekaLearnerSpec.parse(learners.get(0), "learner").newInstance(1, "learner"));
        assertTrue(canonical.contains("RBFKernel") && canonical.contains("-G 0.25"), canonical);
    }

    @Test
    void equalsTheSameValuesListedByHand() {
        // a range is only a shorter way to write the learners: same strings, same candidates, same models
        assertEquals(List.of(SMO + " -C 0.5 -M", SMO + " -C 1 -M", SMO + " -C 2 -M"), expand(SMO + " -C 2^[-1:1] -M"));
    }

    @Test
    void badRangesAreOneLineErrorsNamingTheOption() {
        assertRefused(SMO + " -C 2^[-5:x]", "option -C: 2^[-5:x]: the exponent 'x' is not a whole number");
        assertRefused(SMO + " -C 2^[-5:5:0.5]", "option -C: 2^[-5:5:0.5]: the exponent '0.5' is not a whole number");
        assertRefused(SMO + " -C 3^[1:2]", "option -C: 3^[1:2]: the base 3 is not 2 or 10");
        assertRefused(SMO + " -C 2^[-200:0]", "option -C: 2^[-200:0]: the exponent -200 is outside -100..100");
        assertRefused(IBK + " -K [1:x]", "option -K: [1:x]: the end 'x' is not a number");
        assertRefused(IBK + " -K [1:15:0]", "option -K: [1:15:0]: the step must not be 0");
        assertRefused(IBK + " -K [1:15:-2]", "option -K: [1:15:-2]: the step -2 does not lead from 1 to 15");
        assertRefused(IBK + " -K [1:2:3:4]", "option -K: [1:2:3:4] has more than 3 parts");
        assertRefused(IBK + " -K [1:100000]", "option -K: [1:100000] holds 100000 values, more than 10000");
        assertRefused(IBK + " -K [1,,2]", "option -K: [1,,2] has an empty value");
        assertRefused(IBK + " -K []", "option -K: [] has an empty value");
        assertRefused(IBK + " -K [1,3,1]", "option -K: [1,3,1] lists the value 1 twice");
        assertRefused(IBK + " -K [1:3", "option -K: '[' at column 30 is not part of a range");
        assertRefused(IBK + " -K 1:3] -W 0", "option -K: ']' at column 33 is not part of a range");
        assertRefused(IBK + " -K x[1,2]", "option -K: a range must be a whole option value");
        assertRefused(IBK + " -K [1,2]x", "option -K: a range must be a whole option value");
        assertRefused(IBK + " -I -K [[1,2]]", "option -K: '[' at column");
    }

    @Test
    void stepsThatDoNotExpandRangesRefuseThem() {
        UserException e = assertThrows(UserException.class,
                () -> WekaLearnerSpec.parse(IBK + " -K [1,3]", "--regressor"));
        assertTrue(e.getMessage().startsWith("--regressor: '" + IBK + " -K [1,3]' holds an option range"), e.getMessage());
    }
}
