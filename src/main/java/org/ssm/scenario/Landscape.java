package org.ssm.scenario;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ssm.grid.GridGeometry;

/**
 * The static fields of the twin experiment on the fine grid: terrain, wetness index, soil texture
 * and land cover. Arrays are row-major and must not be modified.
 *
 * @param dem elevation, m, in [200, 1500]
 * @param cover land-cover code per cell ({@link LandCover#code()})
 * @param porosity saturated water content, m³/m³
 * @param fieldCapacity water content after free drainage, m³/m³, below porosity
 * @param wiltingPoint water content below which plants cannot extract water, m³/m³, below field capacity
 * @param residual the driest the surface layer gets, m³/m³, below the wilting point
 * @param twi topographic wetness index ln(a / tan β), a in m
 * @param wetness the wetness index smoothed and standardised (clipped to [-2, 2.5]), used by the soil model
 */
record Landscape(float[] dem, byte[] cover, float[] porosity, float[] fieldCapacity, float[] wiltingPoint,
        float[] residual, float[] twi, float[] wetness) {

    static final double MIN_ELEVATION = 200;
    static final double MAX_ELEVATION = 1500;

    /** Share of the cells, besides the river, that are lakes and wetlands in the lowest ground. */
    private static final double LOWLAND_WATER_SHARE = 0.004;
    /** Share of the remaining land under forest, placed on high and steep ground. */
    private static final double FOREST_SHARE = 0.38;
    /** Share of the open land (not forest) that is cropped rather than grass, favouring low flat ground. */
    private static final double CROP_SHARE = 0.65;

    boolean isWater(int i) {
        return cover[i] == LandCover.WATER.code();
    }

    boolean isUrban(int i) {
        return cover[i] == LandCover.URBAN.code();
    }

    static Landscape generate(GridGeometry grid, RandomStreams streams) {
        int w = grid.width();
        int h = grid.height();
        double cellKm = grid.cellWidth() / 1000;
        SplittableRandom terrainRng = streams.of("terrain");
        double[] riverRow = riverLine(terrainRng, w, h);
        float[] dem = elevation(terrainRng, w, h, cellKm, riverRow);
        float[] slope = slope(dem, w, h, grid.cellWidth());
        float[] twi = wetnessIndex(dem, slope, w, h, grid.cellWidth());
        float[] wetness = twi.clone();
        NoiseFields.blur(wetness, w, h, 1);
        NoiseFields.standardize(wetness);
        for (int i = 0; i < wetness.length; i++) {
            wetness[i] = Math.max(-2f, Math.min(2.5f, wetness[i]));
        }
        byte[] cover = landCover(streams.of("landcover"), w, h, cellKm, dem, slope, riverRow);

        // Alluvial valley floors are loamy, uplands sandier; texture varies smoothly between.
        SplittableRandom soilRng = streams.of("soil");
        float[] broad = NoiseFields.smooth(soilRng, w, h, 12 / cellKm);
        float[] local = NoiseFields.smooth(soilRng, w, h, 3 / cellKm);
        int n = w * h;
        float[] porosity = new float[n];
        float[] fc = new float[n];
        float[] wp = new float[n];
        float[] residual = new float[n];
        for (int i = 0; i < n; i++) {
            double sand = 0.15 + 0.65 / (1 + Math.exp(-(1.2 * broad[i] + 0.5 * local[i] - 0.6 * wetness[i])));
            // Linear pedotransfer in sand fraction; in [0.15, 0.8] the gaps stay >= 0.09 m³/m³.
            porosity[i] = (float) (0.50 - 0.14 * sand);
            fc[i] = (float) (0.42 - 0.26 * sand);
            wp[i] = (float) (0.24 - 0.18 * sand);
            residual[i] = (float) (0.35 * wp[i]);
        }
        return new Landscape(dem, cover, porosity, fc, wp, residual, twi, wetness);
    }

    /** Row of a meandering river crossing the grid from west to east, per column. */
    private static double[] riverLine(SplittableRandom rng, int w, int h) {
        double phase1 = rng.nextDouble(2 * Math.PI);
        double phase2 = rng.nextDouble(2 * Math.PI);
        double[] row = new double[w];
        for (int c = 0; c < w; c++) {
            double x = (double) c / w;
            row[c] = h * (0.28 + 0.06 * Math.sin(2 * Math.PI * 1.1 * x + phase1) + 0.03 * Math.sin(2 * Math.PI * 3.1 * x + phase2));
        }
        return row;
    }

    /**
     * Fractal hills and ridges on a slope that rises to the south (the Alpine foreland), with a
     * broad valley along the river, mapped to [200, 1500] m.
     */
    private static float[] elevation(SplittableRandom rng, int w, int h, double cellKm, double[] riverRow) {
        float[] hills = NoiseFields.fractal(rng, w, h, 24 / cellKm, 5, 0.5);
        float[] ridges = NoiseFields.smooth(rng, w, h, 8 / cellKm);
        double valleyWidth = 6 / cellKm;
        float[] dem = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                double d = (r + 0.5 - riverRow[c]) / valleyWidth;
                double valley = Math.exp(-0.5 * d * d);
                // 1 - |n| turns the zero lines of a smooth field into sharp crests.
                double ridge = 1 - Math.abs(ridges[i]);
                dem[i] = (float) (1.4 * r / h + 0.35 * hills[i] + 0.25 * ridge - 0.8 * valley);
            }
        }
        normalize(dem);
        // A convex map that puts the median at a quarter of the range (about 525 m) widens the
        // lowlands and keeps the highest ground for a few ridges.
        double median = Math.max(0.05, Math.min(0.95, NoiseFields.quantile(dem, 0.5)));
        double exponent = Math.max(1, Math.log(0.25) / Math.log(median));
        for (int i = 0; i < dem.length; i++) {
            dem[i] = (float) (MIN_ELEVATION + (MAX_ELEVATION - MIN_ELEVATION) * Math.pow(dem[i], exponent));
        }
        return dem;
    }

    /** Maps the values linearly onto [0, 1]. */
    private static void normalize(float[] a) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : a) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double scale = hi > lo ? 1 / (hi - lo) : 0;
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) ((a[i] - lo) * scale);
        }
    }

    /** tan β from central differences (one-sided at the edges), at least 0.001 so that flats stay finite. */
    private static float[] slope(float[] dem, int w, int h, double cell) {
        float[] s = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int cl = Math.max(0, c - 1);
                int cr = Math.min(w - 1, c + 1);
                int ru = Math.max(0, r - 1);
                int rd = Math.min(h - 1, r + 1);
                double dx = (dem[r * w + cr] - dem[r * w + cl]) / ((cr - cl) * cell);
                double dy = (dem[rd * w + c] - dem[ru * w + c]) / ((rd - ru) * cell);
                s[r * w + c] = (float) Math.max(0.001, Math.hypot(dx, dy));
            }
        }
        return s;
    }

    /**
     * TWI = ln(a / tan β) with the specific catchment area a from multiple-flow-direction routing
     * (Quinn et al. 1991): cells are visited from the highest down, each passing its area to all
     * lower neighbours in proportion to the slope towards them.
     */
    private static float[] wetnessIndex(float[] dem, float[] slope, int w, int h, double cell) {
        int n = w * h;
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            // Elevations are positive, so their float bits sort like the values.
            order[i] = ((long) Float.floatToIntBits(dem[i]) << 32) | i;
        }
        Arrays.sort(order);
        double[] area = new double[n];
        Arrays.fill(area, cell * cell);
        double[] weight = new double[8];
        int[] target = new int[8];
        for (int k = n - 1; k >= 0; k--) {
            int i = (int) order[k];
            int r = i / w;
            int c = i % w;
            int m = 0;
            double total = 0;
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    int rr = r + dr;
                    int cc = c + dc;
                    if ((dr == 0 && dc == 0) || rr < 0 || rr >= h || cc < 0 || cc >= w) {
                        continue;
                    }
                    int j = rr * w + cc;
                    double drop = dem[i] - dem[j];
                    if (drop > 0) {
                        double dist = (dr != 0 && dc != 0 ? Math.sqrt(2) : 1) * cell;
                        weight[m] = Math.pow(drop / dist, 1.1);
                        target[m++] = j;
                        total += weight[m - 1];
                    }
                }
            }
            for (int t = 0; t < m; t++) {
                area[target[t]] += area[i] * weight[t] / total;
            }
        }
        float[] twi = new float[n];
        for (int i = 0; i < n; i++) {
            twi[i] = (float) Math.log(area[i] / cell / slope[i]);
        }
        return twi;
    }

    private static byte[] landCover(SplittableRandom rng, int w, int h, double cellKm, float[] dem, float[] slope,
            double[] riverRow) {
        int n = w * h;
        byte[] cover = new byte[n];
        float lowland = NoiseFields.quantile(dem, LOWLAND_WATER_SHARE);
        for (int i = 0; i < n; i++) {
            if (dem[i] <= lowland) {
                cover[i] = (byte) LandCover.WATER.code();
            }
        }
        // The river is one cell wide; rows between neighbouring columns keep it connected.
        for (int c = 0; c < w; c++) {
            int r0 = (int) riverRow[Math.max(0, c - 1)];
            int r1 = (int) riverRow[c];
            for (int r = Math.min(r0, r1); r <= Math.max(r0, r1); r++) {
                if (r >= 0 && r < h) {
                    cover[r * w + c] = (byte) LandCover.WATER.code();
                }
            }
        }
        placeTowns(rng, w, h, cellKm, dem, cover);

        float[] zElev = dem.clone();
        NoiseFields.standardize(zElev);
        float[] zSlope = slope.clone();
        NoiseFields.standardize(zSlope);
        float[] forestNoise = NoiseFields.smooth(rng, w, h, 4 / cellKm);
        float[] forestScore = new float[n];
        for (int i = 0; i < n; i++) {
            forestScore[i] = 0.9f * zElev[i] + 0.3f * zSlope[i] + 0.8f * forestNoise[i];
        }
        assignShare(cover, forestScore, FOREST_SHARE, LandCover.FOREST);
        float[] cropNoise = NoiseFields.smooth(rng, w, h, 2.5 / cellKm);
        float[] cropScore = new float[n];
        for (int i = 0; i < n; i++) {
            cropScore[i] = -0.7f * zElev[i] - 0.3f * zSlope[i] + cropNoise[i];
        }
        assignShare(cover, cropScore, CROP_SHARE, LandCover.CROP);
        for (int i = 0; i < n; i++) {
            if (cover[i] == 0) {
                cover[i] = (byte) LandCover.GRASS.code();
            }
        }
        return cover;
    }

    /** Small towns on the lower half of the terrain, a few kilometres across, about one per 3000 km². */
    private static void placeTowns(SplittableRandom rng, int w, int h, double cellKm, float[] dem, byte[] cover) {
        double areaKm2 = w * h * cellKm * cellKm;
        int towns = (int) Math.max(2, Math.round(areaKm2 / 3000));
        float median = NoiseFields.quantile(dem, 0.5);
        float[] edge = NoiseFields.smooth(rng, w, h, 1);
        for (int t = 0, attempts = 0; t < towns && attempts < 10_000; attempts++) {
            int centre = rng.nextInt(w * h);
            if (cover[centre] != 0 || dem[centre] > median) {
                continue;
            }
            double radius = (1.5 + 2.0 * rng.nextDouble()) / cellKm;
            int cr = centre / w;
            int cc = centre % w;
            int reach = (int) Math.ceil(radius * 1.4);
            for (int r = Math.max(0, cr - reach); r <= Math.min(h - 1, cr + reach); r++) {
                for (int c = Math.max(0, cc - reach); c <= Math.min(w - 1, cc + reach); c++) {
                    int i = r * w + c;
                    // A ragged edge rather than a disc.
                    if (cover[i] == 0 && Math.hypot(r - cr, c - cc) < radius * (1 + 0.25 * edge[i])) {
                        cover[i] = (byte) LandCover.URBAN.code();
                    }
                }
            }
            t++;
        }
    }

    /** Gives class {@code lc} to the {@code share} of still unassigned cells with the highest score. */
    private static void assignShare(byte[] cover, float[] score, double share, LandCover lc) {
        int free = 0;
        for (byte b : cover) {
            if (b == 0) {
                free++;
            }
        }
        if (free == 0) {
            return;
        }
        float[] candidates = new float[free];
        for (int i = 0, k = 0; i < cover.length; i++) {
            if (cover[i] == 0) {
                candidates[k++] = score[i];
            }
        }
        float threshold = NoiseFields.quantile(candidates, 1 - share);
        for (int i = 0; i < cover.length; i++) {
            if (cover[i] == 0 && score[i] > threshold) {
                cover[i] = (byte) lc.code();
            }
        }
    }
}
