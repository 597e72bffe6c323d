package org.ssm.algorithms.collocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssm.core.Json;

/**
 * Agreement with the reference values of {@code data/tc-triplets/reference.json}, written by
 * {@code reference.py}: an independent NumPy implementation of pytesmo's {@code tcol_metrics}
 * (error variances, SNR in dB, scaling factors, scaled error deviations for each reference),
 * of {@code ecol} with three data sets (signal and error variances) and of McColl et al. (2014)
 * eq. 9 (ρ²).
 *
 * <p>Tolerance 1e-9 relative. Both sides parse the same decimal text into doubles and compute the
 * same closed forms in double precision; they differ only in the order of summation (NumPy sums
 * pairwise, this code sequentially), about n·ε ≈ 1e-13 relative in a covariance for n ≤ 1000. The
 * error variance Q_ii − Q_ij Q_ik / Q_jk loses a factor Q_ii / σ²_ε = 1 / (1 − ρ²) ≤ 15 of that to
 * cancellation in these files (largest ρ² 0.93), and the SNR a similar factor; 1e-9 leaves a margin
 * of 1e3 above that while still catching any difference of formula or convention.
 */
class TripleCollocationReferenceTest {

    private static final double RELATIVE = 1e-9;

    static String resource(String name) throws IOException {
        try (InputStream in = TripleCollocationReferenceTest.class.getResourceAsStream("/data/tc-triplets/" + name)) {
            assertNotNull(in, "test resource data/tc-triplets/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The complete rows of a triplet file as columns x, y, z. */
    static double[][] completeRows(String file) throws IOException {
        String[] lines = resource(file).split("\n");
        assertEquals("x,y,z", lines[0]);
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            assertEquals(3, cells.length, file + " line " + (i + 1));
            if (!cells[0].isEmpty() && !cells[1].isEmpty() && !cells[2].isEmpty()) {
                rows.add(new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1]),
                        Double.parseDouble(cells[2])});
            }
        }
        double[][] columns = new double[3][rows.size()];
        for (int t = 0; t < rows.size(); t++) {
            for (int m = 0; m < 3; m++) {
                columns[m][t] = rows.get(t)[m];
            }
        }
        return columns;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reference(String file) throws IOException {
        List<Object> all = (List<Object>) Json.parseObject(resource("reference.json")).get("triplets");
        return all.stream().map(o -> (Map<String, Object>) o).filter(m -> file.equals(m.get("file"))).findFirst()
                .orElseThrow(() -> new AssertionError("no reference for " + file));
    }

    @SuppressWarnings("unchecked")
    private static double value(Object list, int i) {
        return ((Number) ((List<Object>) list).get(i)).doubleValue();
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"triplet-1.csv", "triplet-2.csv", "triplet-3.csv"})
    void matchesTheNumpyReferenceOfPytesmosFormulas(String file) throws IOException {
        double[][] xyz = completeRows(file);
        Map<String, Object> ref = reference(file);
        assertEquals(((Number) ref.get("n")).intValue(), xyz[0].length, file + ": complete rows");
        CovarianceMatrix q = CovarianceMatrix.of(xyz[0], xyz[1], xyz[2]);
        List<Object> covariance = (List<Object>) ref.get("covariance");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertClose(value(covariance.get(i), j), q.q(i, j), file + " Q" + i + j);
            }
        }
        Map<String, Object> ecol = (Map<String, Object>) ref.get("ecol");
        for (Object o : (List<Object>) ref.get("by_reference")) {
            Map<String, Object> byRef = (Map<String, Object>) o;
            int reference = ((Number) byRef.get("reference")).intValue();
            TcEstimate e = TripleCollocation.estimate(xyz[0], xyz[1], xyz[2], reference);
            assertEquals(xyz[0].length, e.triplets());
            assertEquals(TcValidity.VALID, e.validity(), file);
            for (int m = 0; m < 3; m++) {
                String what = file + " member " + m + " reference " + reference;
                MemberEstimate est = e.member(m);
                assertClose(value(ref.get("error_variance"), m), est.errorVariance(), what + " error variance");
                assertClose(value(ref.get("snr_db"), m), est.snrDb(), what + " SNR dB");
                assertClose(value(ref.get("rho2"), m), est.rho2(), what + " rho2");
                assertClose(value(ecol.get("signal_variance"), m), est.signalVariance(), what + " ecol signal");
                assertClose(value(ecol.get("error_variance"), m), est.errorVariance(), what + " ecol error");
                assertClose(value(ecol.get("snr_db"), m), est.snrDb(), what + " ecol SNR");
                assertClose(value(byRef.get("scaling"), m), est.scaling(), what + " scaling");
                assertClose(value(byRef.get("scaled_error_std"), m), est.scaledErrorStd(), what + " scaled error std");
            }
            assertEquals(1.0, e.member(reference).scaling(), 0.0, "the reference is not rescaled");
        }
    }

    @SuppressWarnings("unchecked")
    @org.junit.jupiter.api.Test
    void theNoisyProductOfTriplet3StandsOut() throws IOException {
        // PROVENANCE.md: one of the three products of triplet-3 is much noisier than the other two.
        double[][] xyz = completeRows("triplet-3.csv");
        TcEstimate e = TripleCollocation.estimate(xyz[0], xyz[1], xyz[2], 0);
        assertTrue(e.member(2).rho2() < 0.1, "z: " + e.member(2).rho2());
        assertTrue(e.member(0).rho2() > 0.9 && e.member(1).rho2() > 0.9, e.toString());
        assertTrue(e.member(2).snrDb() < -10, "z is more noise than signal");
    }
}
