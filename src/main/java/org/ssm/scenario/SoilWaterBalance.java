package org.ssm.scenario;

/**
 * A daily bucket model of the surface soil layer (0–5 cm), per fine cell.
 *
 * <p>Each day, in order: canopy interception; infiltration (a quarter of the rain on sealed urban
 * ground, and never beyond saturation: the excess runs off); drainage of a fixed share of the water
 * above field capacity; evapotranspiration {@code PET · share(fv) · β(θ)} with
 * {@code β = (θ - θr) / (fc - θr)} clamped to [0, 1] and a top-layer share that falls from 0.55 on
 * bare soil to 0.2 under full cover (shading, and roots drawing from deeper); and exchange with the
 * deeper soil, which pulls θ towards a baseline that is wetter where the wetness index is high
 * (valleys). θ is kept in [θr, porosity]. Water cells hold no soil moisture.
 */
final class SoilWaterBalance {

    /** Thickness of the modelled layer, mm. */
    static final double LAYER_MM = 50;
    /** Share of the water above field capacity that drains in a day. */
    private static final double DRAINAGE_RATE = 0.45;
    /** Daily relaxation towards the baseline by exchange with the deeper layer. */
    private static final double EXCHANGE_RATE = 0.06;
    /** Share of rain that infiltrates sealed urban surfaces. */
    private static final double URBAN_INFILTRATION = 0.25;

    private final Landscape land;
    private final float[] baseline;
    private final float[] theta;

    SoilWaterBalance(Landscape land) {
        this.land = land;
        int n = land.dem().length;
        baseline = new float[n];
        for (int i = 0; i < n; i++) {
            double wetShare = Math.max(0.05, Math.min(0.95, 0.35 + 0.2 * land.wetness()[i]));
            baseline[i] = (float) (land.wiltingPoint()[i] + (land.fieldCapacity()[i] - land.wiltingPoint()[i]) * wetShare);
        }
        theta = baseline.clone();
    }

    /** Advances one day. */
    void step(float[] rain, float[] pet, float[] ndvi) {
        for (int i = 0; i < theta.length; i++) {
            if (land.isWater(i)) {
                continue;
            }
            double por = land.porosity()[i];
            double fc = land.fieldCapacity()[i];
            double residual = land.residual()[i];
            double fv = Vegetation.fvc(ndvi[i]);
            double t = theta[i];

            double interception = Math.min(rain[i], (land.cover()[i] == LandCover.FOREST.code() ? 2.0 : 1.0) * fv);
            double net = rain[i] - interception;
            double infiltration = land.isUrban(i) ? URBAN_INFILTRATION * net : net;
            t += Math.min(infiltration, (por - t) * LAYER_MM) / LAYER_MM;
            if (t > fc) {
                t -= DRAINAGE_RATE * (t - fc);
            }
            double beta = Math.max(0, Math.min(1, (t - residual) / (fc - residual)));
            double share = 0.55 * (1 - fv) + 0.2 * fv;
            t -= pet[i] * share * beta / LAYER_MM;
            t += EXCHANGE_RATE * (baseline[i] - t);
            theta[i] = (float) Math.max(residual, Math.min(por, t));
        }
    }

    /** Today's soil moisture, m³/m³, NaN on water; a new array. */
    float[] snapshot() {
        float[] copy = theta.clone();
        for (int i = 0; i < copy.length; i++) {
            if (land.isWater(i)) {
                copy[i] = Float.NaN;
            }
        }
        return copy;
    }
}
