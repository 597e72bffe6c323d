package org.ssm.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;

class TwinExperimentConfigTest {

    @Test
    void demoMatchesTheDescribedSetUp() {
        TwinExperimentConfig demo = TwinExperimentConfig.demo();
        assertEquals("EPSG:32633", demo.grid().crs());
        assertEquals(200, demo.grid().width());
        assertEquals(150, demo.grid().height());
        GridGeometry pm = demo.grid().coarsen(demo.pmFactor());
        assertEquals(8, pm.width());
        assertEquals(6, pm.height());
        assertEquals(183, demo.training().days());
        assertEquals(183, demo.validation().days());
        assertEquals(24, demo.stationCount());
        assertEquals(3, demo.faultyStationCount());
        assertEquals(20211, demo.seed());
    }

    @Test
    void builderChangesOnlyWhatItIsTold() {
        TwinExperimentConfig small = TwinExperimentConfig.small();
        TwinExperimentConfig changed = small.toBuilder().stationCount(5).faultyStationCount(1).build();
        assertEquals(5, changed.stationCount());
        assertEquals(small.grid(), changed.grid());
        assertEquals(small.withSeed(99).seed(), 99);
        assertEquals(small.training(), small.withSeed(99).training());
    }

    @Test
    void factorThatDoesNotDivideTheGridIsRejectedByName() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> TwinExperimentConfig.small().toBuilder().pmFactor(7).build());
        assertEquals("pmFactor", e.parameter());
        assertTrue(e.getMessage().contains("7") && e.getMessage().contains("divides"), e.getMessage());
    }

    @Test
    void otherBadValuesNameTheirParameter() {
        TwinExperimentConfig small = TwinExperimentConfig.small();
        assertEquals("faultyStationCount", assertThrows(ParameterException.class,
                () -> small.toBuilder().faultyStationCount(13).build()).parameter());
        assertEquals("stationCount", assertThrows(ParameterException.class,
                () -> small.toBuilder().stationCount(0).build()).parameter());
        assertEquals("landsatRevisitDays", assertThrows(ParameterException.class,
                () -> small.toBuilder().landsatRevisitDays(0).build()).parameter());
        assertEquals("validation", assertThrows(ParameterException.class,
                () -> small.withPeriods(small.validation(), small.training())).parameter());
        assertEquals("grid", assertThrows(ParameterException.class,
                () -> small.toBuilder().grid(new GridGeometry("EPSG:4326", 15, 48, 0.01, 0.01, 40, 30)).build())
                .parameter());
        assertEquals("pmNoise", assertThrows(ParameterException.class,
                () -> new PmErrorModel(0.02, 1, -0.1, 0.3)).parameter());
        assertEquals("period", assertThrows(ParameterException.class,
                () -> DateRange.of("2021-05-01", "2021-04-01")).parameter());
    }
}
