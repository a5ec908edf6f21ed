package org.exprflow.count;

import java.util.Arrays;

/**
 * The distinct features one read or fragment overlaps: a small reusable int set (almost always
 * zero, one or two entries, so a linear scan beats hashing).
 */
final class FeatureHits {
    private int[] features = new int[8];
    private int size;

    void clear() {
        size = 0;
    }

    void add(int feature) {
        for (int i = 0; i < size; i++) {
            if (features[i] == feature) {
                return;
            }
        }
        if (size == features.length) {
            features = Arrays.copyOf(features, size * 2);
        }
        features[size++] = feature;
    }

    void addAll(FeatureHits other) {
        for (int i = 0; i < other.size; i++) {
            add(other.features[i]);
        }
    }

    int size() {
        return size;
    }

    int get(int i) {
        return features[i];
    }

    int[] toArray() {
        return Arrays.copyOf(features, size);
    }

    void addAll(int[] more) {
        for (int f : more) {
            add(f);
        }
    }
}
