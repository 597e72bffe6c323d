package org.ssm.io.stations;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real ISMN files of {@code ../shared/data/ismn-samples/} (SPEC §7). Their data terms forbid
 * redistribution, so they are read in place and never copied into the repository; the build passes
 * the folder as {@code ssm.shared.dir}. A missing folder fails the test with the path expected.
 */
public final class IsmnSamples {

    private IsmnSamples() {}

    /** The samples folder; fails the calling test when it is absent. */
    public static Path dir() {
        String shared = System.getProperty("ssm.shared.dir", "../../shared");
        Path dir = Path.of(shared).resolve("data").resolve("ismn-samples").toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            fail("the ISMN samples are missing: expected the folder " + dir + " (the shared data of SPEC §7, read in"
                    + " place; set -Dssm.shared.dir to the folder holding data/ismn-samples)");
        }
        return dir;
    }

    /** A sample file, by its path under the samples folder. */
    public static StationText file(String relative) throws IOException {
        Path path = dir().resolve(relative);
        if (!Files.isRegularFile(path)) {
            fail("the ISMN sample " + path + " is missing");
        }
        return new StationText(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
    }

    public static final String ARM1_HEADER_VALUES = "header_values/COSMOS/ARM-1/"
            + "COSMOS_COSMOS_ARM-1_sm_0.000000_0.190000_Cosmic-ray-Probe_20170810_20180809.stm";
    public static final String ARM1_CEOP = "ceop/COSMOS/ARM-1/"
            + "COSMOS_COSMOS_ARM-1_sm_0.000000_0.190000_Cosmic-ray-Probe_20170810_20180809.stm";
    public static final String BARROW_HEADER_VALUES = "header_values/COSMOS/Barrow-ARM/"
            + "COSMOS_COSMOS_Barrow-ARM_sm_0.000000_0.210000_Cosmic-ray-Probe_20170810_20180809.stm";
    public static final String NARBONNE_HEADER_VALUES = "header_values/SMOSMANIA/Narbonne/"
            + "SMOSMANIA_SMOSMANIA_Narbonne_sm_0.050000_0.050000_ThetaProbe-ML2X_20070101_20070131.stm";
    public static final String NARBONNE_CEOP = "ceop/SMOSMANIA/Narbonne/"
            + "SMOSMANIA_SMOSMANIA_Narbonne_sm_0.050000_0.050000_ThetaProbe-ML2X_20070101_20070131.stm";
    public static final String MAQU_HEADER_VALUES = "header_values/MAQU/CST-01/"
            + "MAQU_MAQU_CST-01_sm_0.050000_0.050000_ECH20-EC-TM_20070101_20131231.stm";
    public static final String SOILSCAPE_HEADER_VALUES = "header_values/SOILSCAPE/node505/"
            + "SOILSCAPE_SOILSCAPE_node505_sm_0.050000_0.050000_EC5_20070101_20131231.stm";
}
