package org.ssm.scenario;

/** The reflectance bands simulated, named as in their output files. */
public enum Band {
    BLUE("blue", 480),
    RED("red", 655),
    NIR("nir", 865),
    SWIR1("swir1", 1640),
    SWIR2("swir2", 2130);

    private final String fileName;
    private final int wavelengthNm;

    Band(String fileName, int wavelengthNm) {
        this.fileName = fileName;
        this.wavelengthNm = wavelengthNm;
    }

    /** The short name used in file and variable names, e.g. {@code swir1}. */
    public String fileName() {
        return fileName;
    }

    /** Centre wavelength in nanometres (Landsat 8 OLI). */
    public int wavelengthNm() {
        return wavelengthNm;
    }
}
