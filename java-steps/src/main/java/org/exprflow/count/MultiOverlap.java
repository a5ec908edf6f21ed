package org.exprflow.count;

/** What happens to a read or fragment overlapping more than one feature. */
enum MultiOverlap {
    /** Counted once in each feature (bedtools multicov; featureCounts -O). */
    EACH,
    /** Not counted (featureCounts' default: "Unassigned_Ambiguity"). */
    SKIP
}
