package org.exprflow.report;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a run recorded about itself, for the report's headline, methods and provenance sections:
 * the pipeline's provenance JSON ({@code --provenance}, or null), the final model's description as
 * {@code exprflow inspect --json} gives it ({@code --model}, or null), and the normalise step's
 * summaries ({@code --normalise-summary}, training data first; empty when none).
 */
record RunRecord(JsonNode provenance, JsonNode model, List<JsonNode> normalise) {
    static final RunRecord NONE = new RunRecord(null, null, List.of());

    RunRecord {
        normalise = normalise == null ? List.of() : List.copyOf(normalise);
    }
}
