package org.ssm.io;

import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.referencing.CRS;
import org.ssm.core.ParameterException;
import org.ssm.grid.CoordinateMap;

/** Coordinate maps between CRSs through GeoTools referencing. */
public final class CrsTransforms {

    private CrsTransforms() {}

    /**
     * The map from {@code fromCrs} to {@code toCrs} coordinates (identity when they are equal);
     * errors name {@code parameter}.
     */
    public static CoordinateMap between(String parameter, String fromCrs, String toCrs) {
        CoordinateReferenceSystem from = Crs.decode(parameter, fromCrs);
        CoordinateReferenceSystem to = Crs.decode(parameter, toCrs);
        if (CRS.equalsIgnoreMetadata(from, to)) {
            return CoordinateMap.IDENTITY;
        }
        try {
            return of(CRS.findMathTransform(from, to, true));
        } catch (FactoryException e) {
            throw new ParameterException(parameter, fromCrs, "a CRS that can be transformed to " + toCrs);
        }
    }

    /**
     * A coordinate map applying {@code transform}. When a batch fails because some point lies
     * outside the projection's domain, the points are redone one by one and only the failing ones
     * become NaN, instead of losing the whole batch.
     */
    public static CoordinateMap of(MathTransform transform) {
        return (xy, count) -> {
            double[] in = java.util.Arrays.copyOf(xy, 2 * count);
            try {
                transform.transform(in, 0, xy, 0, count);
            } catch (TransformException batchFailed) {
                for (int i = 0; i < count; i++) {
                    try {
                        transform.transform(in, 2 * i, xy, 2 * i, 1);
                    } catch (TransformException outsideDomain) {
                        xy[2 * i] = Double.NaN;
                        xy[2 * i + 1] = Double.NaN;
                    }
                }
            }
        };
    }
}
