package org.ssm.io.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IsmnFileNameTest {

    @Test
    void readsTheFieldsOfADownloadFileName() {
        IsmnFileName n = IsmnFileName.parse("SMOSMANIA/Narbonne/SMOSMANIA_SMOSMANIA_Narbonne_sm_0.050000_0.050000"
                + "_ThetaProbe-ML2X_20070101_20070131.stm").orElseThrow();
        assertEquals(new IsmnFileName("SMOSMANIA", "Narbonne", "sm", 0.05, 0.05, "ThetaProbe-ML2X"), n);
        assertTrue(n.isSoilMoisture());
    }

    @Test
    void networksStationsAndSensorsMayHoldUnderscores() {
        IsmnFileName n = IsmnFileName.parse("BIEBRZA_S-1_BIEBRZA_S-1_grassland_soil_ts_0.050000_0.100000"
                + "_5TE_Decagon_20090101_20201231.stm").orElseThrow();
        assertEquals(new IsmnFileName("BIEBRZA_S-1", "grassland_soil", "ts", 0.05, 0.1, "5TE_Decagon"), n);
    }

    @Test
    void otherNamesAreNotIsmnNames() {
        assertEquals(Optional.empty(), IsmnFileName.parse("stations.csv"));
        assertEquals(Optional.empty(), IsmnFileName.parse("upload.stm"));
        assertEquals(Optional.empty(), IsmnFileName.parse("A_B_C_sm_0.05_0.05_X_2007_2008.stm"),
                "the dates must have eight digits");
        assertEquals(Optional.empty(), IsmnFileName.parse(null));
    }
}
