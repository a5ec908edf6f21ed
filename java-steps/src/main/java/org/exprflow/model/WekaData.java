package org.exprflow.model;

import java.util.ArrayList;
import java.util.List;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Builds Weka Instances at the learner, for the selected features only. exprflow keeps its own
 * matrix everywhere else: a Weka Attribute object per feature does not scale to genome-wide bins,
 * and Instances would copy every value.
 */
final class WekaData {
    private WekaData() {
    }

    /** An empty dataset header: numeric attributes named after the features, then the nominal class. */
    static Instances header(List<String> featureNames, List<String> classLevels) {
        ArrayList<Attribute> attrs = new ArrayList<>(featureNames.size() + 1);
        for (String name : featureNames) {
            attrs.add(new Attribute(name));
        }
        attrs.add(new Attribute("class", new ArrayList<>(classLevels)));
        Instances header = new Instances("exprflow", attrs, 0);
        header.setClassIndex(featureNames.size());
        return header;
    }

    /** One instance (class missing) attached to the header; values are already selected and imputed. */
    static Instance instance(Instances header, double[] values, double classValue) {
        double[] v = new double[values.length + 1];
        System.arraycopy(values, 0, v, 0, values.length);
        v[values.length] = Double.isNaN(classValue) ? weka.core.Utils.missingValue() : classValue;
        Instance inst = new DenseInstance(1.0, v);
        inst.setDataset(header);
        return inst;
    }
}
