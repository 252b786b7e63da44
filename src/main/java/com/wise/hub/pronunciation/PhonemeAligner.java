package com.wise.hub.pronunciation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Aligns the phonemes the student should have said with those the model heard, by minimum edit
 * distance (Levenshtein: substitution, deletion and insertion each cost 1). Among alignments of
 * equal cost the backtrace prefers a substitution, then a deletion, then an insertion, so the
 * result is deterministic.
 */
final class PhonemeAligner {

    private PhonemeAligner() {
    }

    /** The alignment, in order, covering every expected and every recognized phoneme once. */
    static List<AlignedPair> align(List<String> expected, List<String> recognized) {
        int n = expected.size();
        int m = recognized.size();
        int[][] cost = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            cost[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            cost[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int diagonal = cost[i - 1][j - 1] + (same(expected, recognized, i, j) ? 0 : 1);
                cost[i][j] = Math.min(diagonal, Math.min(cost[i - 1][j] + 1, cost[i][j - 1] + 1));
            }
        }
        List<AlignedPair> steps = new ArrayList<>(n + m);
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && cost[i][j] == cost[i - 1][j - 1] + (same(expected, recognized, i, j) ? 0 : 1)) {
                AlignedPair.Kind kind = same(expected, recognized, i, j)
                        ? AlignedPair.Kind.CORRECT : AlignedPair.Kind.SUBSTITUTED;
                steps.add(new AlignedPair(kind, --i, --j));
            } else if (i > 0 && cost[i][j] == cost[i - 1][j] + 1) {
                steps.add(new AlignedPair(AlignedPair.Kind.DELETED, --i, -1));
            } else {
                steps.add(new AlignedPair(AlignedPair.Kind.INSERTED, -1, --j));
            }
        }
        Collections.reverse(steps);
        return steps;
    }

    private static boolean same(List<String> expected, List<String> recognized, int i, int j) {
        return expected.get(i - 1).equals(recognized.get(j - 1));
    }
}
