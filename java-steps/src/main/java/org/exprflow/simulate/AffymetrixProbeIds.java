package org.exprflow.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Probe-set ids that look like an Affymetrix 3' array: numbered probe sets with the _at, _s_at and
 * _x_at suffixes (200000_s_at, 200001_at, ...) followed by AFFX- hybridisation and spike-in controls,
 * in the ASCII order in which GPL96 lists them. Readers are thereby tested on ids that the feature-id
 * type guesser recognises as probes and that contain '-' characters.
 */
final class AffymetrixProbeIds {
    /** The first probe-set number, as on HG-U133A. */
    private static final int FIRST_NUMBER = 200000;

    private static final String[] CONTROL_GENES = {
        "BioB", "BioC", "BioDn", "CreX", "DapX", "LysX", "PheX", "ThrX", "TrpnX",
        "r2-Bs-dap", "r2-Bs-lys", "r2-Bs-phe", "r2-Bs-thr", "r2-Ec-bioB", "r2-Ec-bioC", "r2-Ec-bioD", "r2-P1-cre"
    };
    private static final String[] CONTROL_ENDS = {"5", "M", "3"};

    private AffymetrixProbeIds() {
    }

    /** How many AFFX controls an array of that many probes carries: about 0.5%, at least 1, at most 51. */
    static int controlCount(int probes) {
        return Math.max(1, Math.min(CONTROL_GENES.length * CONTROL_ENDS.length, probes / 200));
    }

    /**
     * All ids: {@code probes - controlCount(probes)} regular probe sets, then the controls.
     * The suffix of each regular probe set is drawn from {@code random}: mostly _at, some _s_at
     * (shared by several transcripts) and a few _x_at (cross-hybridising), as on real arrays.
     */
    static List<String> generate(int probes, SplittableRandom random) {
        int controls = controlCount(probes);
        List<String> ids = new ArrayList<>(probes);
        for (int i = 0; i < probes - controls; i++) {
            double u = random.nextDouble();
            String suffix = u < 0.85 ? "_at" : u < 0.97 ? "_s_at" : "_x_at";
            ids.add((FIRST_NUMBER + i) + suffix);
        }
        List<String> controlIds = new ArrayList<>();
        for (String gene : CONTROL_GENES) {
            for (String end : CONTROL_ENDS) {
                controlIds.add("AFFX-" + gene + "-" + end + "_at");
            }
        }
        // The first controls of the list (BioB, BioC, ...) are the ones every array has.
        List<String> chosen = new ArrayList<>(controlIds.subList(0, controls));
        chosen.sort(null);
        ids.addAll(chosen);
        return ids;
    }

    static boolean isControl(String id) {
        return id.startsWith("AFFX-");
    }
}
