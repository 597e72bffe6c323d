package org.ssm.algorithms.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;
import org.ssm.io.CrsTransforms;
import org.ssm.scenario.FaultType;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.ScenarioWriter;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;
import org.ssm.scenario.TwinStation;
import org.ssm.stations.StationSeries;

/**
 * The small twin experiment (40 x 30 km, 12 stations of which 2 faulty, 42 days) validated with its
 * truth as the "product", its passive-microwave SSM (10 km) as the coarse product and the truth as
 * truth. The truth must be exact against itself at every pixel, and each healthy station must
 * differ from the truth at its pixel by what the scenario adds to it (docs/scenario.md): a constant
 * offset (|offset| &le; 0.03), an AR(1) error (σ 0.01, lag-one correlation 0.8, restarted each
 * season) and white noise (σ 0.01).
 */
class ValidationTwinExperimentTest {

    private static Scenario scenario;
    private static ValidationResult result;

    @BeforeAll
    static void validate() throws Exception {
        scenario = TwinExperiment.generate(TwinExperimentConfig.small(), Monitor.NONE);
        List<StationSeries> stations = ScenarioWriter.stationSeries(scenario);
        ValidationInputs in = ValidationInputs.of(stations, gridded("product", scenario.truthSsm()))
                .withCoarse(gridded("coarse", scenario.pmSsm())).withTruth(scenario.truthSsm().reader());
        result = new Validation(ValidationParameters.defaults()).validate(in, Monitor.NONE);
    }

    private static GriddedProduct gridded(String name, GridSeries s) {
        return new GriddedProduct(name, s.reader(), CrsTransforms.between("stations", "EPSG:4326",
                s.geometry().crs()));
    }

    @Test
    void theTruthIsExactAgainstItselfAtEveryPixel() {
        TruthComparison t = result.truth();
        assertEquals(scenario.dates().size(), t.dates().size());
        long land = 0;
        for (float v : scenario.truthSsm().band(0)) {
            land += Float.isNaN(v) ? 0 : 1;
        }
        assertEquals(land * scenario.dates().size(), t.pooled().n(), "every land pixel of every date (water is NaN)");
        assertEquals(0.0, t.pooled().rmse(), 0.0);
        assertEquals(0.0, t.pooled().bias(), 0.0);
        assertEquals(0.0, t.pooled().mae(), 0.0);
        assertEquals(0.0, t.pooled().ubrmse(), 0.0);
        assertEquals(1.0, t.pooled().pcc(), 0.0);
        for (DatedMetrics d : t.dates()) {
            assertEquals(0.0, d.metrics().rmse(), 0.0, d.date().toString());
            assertEquals(1.0, d.metrics().pcc(), 0.0, d.date().toString());
            assertEquals(d.sdProduct(), d.sdTruth(), 0.0);
        }
    }

    @Test
    void healthyStationsDifferFromTheTruthByTheirNoise() {
        int healthy = 0;
        for (int s = 0; s < result.stations().size(); s++) {
            TwinStation twin = scenario.stations().get(s);
            Metrics m = result.stations().get(s).product().metrics();
            assertEquals(scenario.dates().size(), m.n(), twin.id() + ": one reading a day, the truth has every day");
            if (twin.fault() != FaultType.NONE) {
                continue;
            }
            healthy++;
            // bias = mean(truth - reading) = -offset - mean(AR + white noise). The mean of the noise over two
            // seasons of 21 days has a standard deviation of about 0.005 (AR(1): sigma^2 / n (1 + phi) / (1 - phi)
            // per season, plus 0.01 / sqrt(42)); 0.02 is four of them.
            assertEquals(-twin.offset(), m.bias(), 0.02, twin.id());
            // ubRMSE is the spread of AR + white noise, about sqrt(2) x 0.01 = 0.014 (less the AR's slow part within
            // a season); 0.0225 is 1.6 times that, still below any faulty station (drift: about 0.03, noise: 0.08).
            assertTrue(m.ubrmse() < 0.0225, twin.id() + " ubRMSE " + m.ubrmse());
            // A truth signal with a standard deviation of about 0.05 against noise of 0.014: R about 0.96; 0.9 would
            // take noise of 0.025.
            assertTrue(m.pcc() > 0.9, twin.id() + " PCC " + m.pcc());
        }
        assertEquals(10, healthy);
        for (int s = 0; s < result.stations().size(); s++) {
            FaultType fault = scenario.stations().get(s).fault();
            if (fault == FaultType.NOISE || fault == FaultType.DRIFT) {
                assertTrue(result.stations().get(s).product().metrics().ubrmse() > 0.025, fault.label());
            }
        }
    }

    @Test
    void theTruthGainsOverTheCoarseProduct() {
        // The truth at the station's 1-km pixel against the 10-km PM product (aggregate plus noise, bias and swath
        // gaps): it should correlate better at every healthy station (G_prec > 0) and gain overall. Over seeds
        // 7-11 of the small scenario G_prec was positive at all 50 healthy stations (smallest 0.15) and 9 or 10
        // of the 10 healthy stations of each seed had G_down > 0.
        int healthy = 0;
        int gained = 0;
        for (int s = 0; s < result.stations().size(); s++) {
            if (scenario.stations().get(s).fault() != FaultType.NONE) {
                continue;
            }
            healthy++;
            GainComparison g = result.stations().get(s).gain();
            assertTrue(g.gains().prec() > 0, scenario.stations().get(s).id() + " " + g);
            gained += g.gains().down() > 0 ? 1 : 0;
        }
        assertTrue(gained >= 0.8 * healthy, gained + " of " + healthy);
        assertTrue(result.gains().mean().down() > 0.2, result.gains().toString());
        assertTrue(result.product().stationMean().pcc() > result.coarse().stationMean().pcc());
    }
}
