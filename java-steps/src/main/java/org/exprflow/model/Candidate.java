package org.exprflow.model;

/** One configuration that model selection may choose: a Weka learner with its options, and k features. */
public record Candidate(String learner, int topK) {
    @Override
    public String toString() {
        return learner + " | top-k " + (topK <= 0 ? "all" : Integer.toString(topK));
    }
}
