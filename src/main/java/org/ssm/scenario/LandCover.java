package org.ssm.scenario;

import org.ssm.core.ParameterException;

/** Land-cover classes of the twin experiment, with the codes stored in {@code landcover.tif}. */
public enum LandCover {
    CROP(1),
    GRASS(2),
    FOREST(3),
    URBAN(4),
    WATER(5);

    private final int code;

    LandCover(int code) {
        this.code = code;
    }

    /** The raster code. */
    public int code() {
        return code;
    }

    /** The class with raster code {@code code}. */
    public static LandCover of(int code) {
        for (LandCover c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new ParameterException("landcover", code, "a class code from 1 (crop) to 5 (water)");
    }
}
