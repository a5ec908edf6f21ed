package org.exprflow.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CrossSampleTransformsTest {

    @Test
    void parsesTheChainInOrder() {
        List<CrossSampleTransform> chain = CrossSampleTransforms.parse("quantile, Standardise,zscore");
        assertEquals(3, chain.size());
        assertInstanceOf(QuantileNormalisation.class, chain.get(0));
        assertInstanceOf(SampleStandardisation.class, chain.get(1));
        assertInstanceOf(FeatureZScore.class, chain.get(2));
        assertEquals(List.of("quantile", "standardise", "zscore"), chain.stream().map(CrossSampleTransform::name).toList());
    }

    @Test
    void noneMeansNoTransform() {
        assertEquals(List.of(), CrossSampleTransforms.parse("none"));
    }

    @Test
    void unknownNameIsABadParameterListingTheValidOnes() {
        UserException e = assertThrows(UserException.class, () -> CrossSampleTransforms.parse("quantile,zscores"));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("'zscores'") && e.getMessage().contains("quantile, standardise, zscore")
                && e.getMessage().endsWith(", none"),
                e.getMessage());
    }

    @Test
    void emptyDuplicateAndNoneWithOthersAreBadParameters() {
        for (String spec : new String[] {"", "zscore,zscore", "none,quantile", "quantile,"}) {
            assertEquals(ExitCode.USAGE, assertThrows(UserException.class, () -> CrossSampleTransforms.parse(spec)).exitCode(), spec);
        }
    }
}
