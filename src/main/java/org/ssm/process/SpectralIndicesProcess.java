package org.ssm.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.ssm.algorithms.indices.FractionalVegetationCover;
import org.ssm.algorithms.indices.SoilEvaporativeEfficiency;
import org.ssm.algorithms.indices.SpectralIndices;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.Grid;
import org.ssm.grid.GridChecks;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

/** The {@code ssm:SpectralIndices} process: NDVI, albedo, NMDI, FVC and SEE over series. */
@DescribeProcess(title = "Spectral indices",
        description = "Computes one index per date from reflectance, NDVI or LST series on one grid: NDVI (paper B"
                + " eq. 4), broadband albedo (B eq. 5), NMDI (paper D section 2.2.2), fractional vegetation cover from"
                + " NDVI, or soil evaporative efficiency SEE with the LST elevation correction and soil temperature"
                + " from vegetation cover (paper E eq. 1-3).")
public class SpectralIndicesProcess {

    /** The index to compute. */
    public enum Index {
        NDVI, ALBEDO, NMDI, FVC, SEE
    }

    @DescribeResults({
        @DescribeResult(name = "index", type = GridCoverage2D.class, primary = true,
                description = "The index, one band per date; the coverage is named after the index"),
        @DescribeResult(name = "dates", type = String.class, description = "Dates of the bands of index")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "index", description = "NDVI (needs red, nir), ALBEDO (blue, red, nir, swir1,"
                    + " swir2), NMDI (nir, swir1, swir2), FVC (ndvi) or SEE (lst with fvc or ndvi; dem and"
                    + " coarseGrid optional)") Index index,
            @DescribeParameter(name = "blue", min = 0, description = "Blue reflectance (0-1)") GridCoverage2D blue,
            @DescribeParameter(name = "red", min = 0, description = "Red reflectance (0-1)") GridCoverage2D red,
            @DescribeParameter(name = "nir", min = 0, description = "Near-infrared reflectance, ~860 nm (0-1)")
                    GridCoverage2D nir,
            @DescribeParameter(name = "swir1", min = 0, description = "Shortwave-infrared reflectance, ~1640 nm (0-1)")
                    GridCoverage2D swir1,
            @DescribeParameter(name = "swir2", min = 0, description = "Shortwave-infrared reflectance, ~2130 nm (0-1)")
                    GridCoverage2D swir2,
            @DescribeParameter(name = "ndvi", min = 0, description = "NDVI, for FVC or SEE") GridCoverage2D ndvi,
            @DescribeParameter(name = "fvc", min = 0, description = "Fractional vegetation cover (0-1), for SEE")
                    GridCoverage2D fvc,
            @DescribeParameter(name = "lst", min = 0, description = "Land-surface temperature (K), for SEE")
                    GridCoverage2D lst,
            @DescribeParameter(name = "dem", min = 0, description = "Elevation (m) for the SEE elevation correction")
                    GridCoverage2D dem,
            @DescribeParameter(name = "coarseGrid", min = 0, description = "Any coverage on the low-resolution grid"
                    + " whose cells give the mean elevation H_LR of eq. 3; the whole image when omitted")
                    GridCoverage2D coarseGrid,
            @DescribeParameter(name = ProcessSupport.DATES, min = 0, description = ProcessSupport.DATES_DESCRIPTION)
                    String dates,
            @DescribeParameter(name = "ndviSoil", min = 0, defaultValue = "0.15", minValue = -1, maxValue = 1,
                    description = "Bare-soil NDVI for FVC") Double ndviSoil,
            @DescribeParameter(name = "ndviVegetation", min = 0, defaultValue = "0.9", minValue = -1, maxValue = 1,
                    description = "Full-cover NDVI for FVC") Double ndviVegetation,
            @DescribeParameter(name = "fvcExponent", min = 0, defaultValue = "1", minValue = 1, maxValue = 2,
                    description = "1: linear FVC (DisPATCh); 2: squared (Carlson and Ripley 1997)") Integer fvcExponent,
            @DescribeParameter(name = "lapseRate", min = 0, defaultValue = "" + SoilEvaporativeEfficiency.DEFAULT_LAPSE_RATE,
                    minValue = 0, maxValue = 0.1, description = "Lapse rate of eq. 3, K/m") Double lapseRate,
            @DescribeParameter(name = "maxFvc", min = 0, defaultValue = "" + SoilEvaporativeEfficiency.DEFAULT_MAX_FVC,
                    minValue = 0, maxValue = 1, description = "Largest vegetation cover for which SEE is computed")
                    Double maxFvc,
            @DescribeParameter(name = "vegetationTemperature", min = 0, minValue = 150, maxValue = 400,
                    description = "Vegetation temperature (K); estimated per image from the LST-fvc trapezoid when"
                            + " omitted") Double vegetationTemperature,
            ProgressListener listener) {
        if (index == null) {
            throw ParameterException.missing("index", "one of NDVI, ALBEDO, NMDI, FVC, SEE");
        }
        List<LocalDate> bandDates = ProcessSupport.dates(dates);
        Monitor monitor = ProcessSupport.monitor(listener);
        FractionalVegetationCover cover = new FractionalVegetationCover(
                ProcessSupport.orDefault(ndviSoil, FractionalVegetationCover.DISPATCH.ndviSoil()),
                ProcessSupport.orDefault(ndviVegetation, FractionalVegetationCover.DISPATCH.ndviVegetation()),
                fvcExponent == null ? FractionalVegetationCover.DISPATCH.exponent() : fvcExponent);
        Bands in = new Bands(bandDates);
        GridSeries result = switch (index) {
            case NDVI -> in.require("red", red).require("nir", nir)
                    .map(b -> SpectralIndices.ndvi(b.get("red"), b.get("nir")), monitor);
            case ALBEDO -> in.require("blue", blue).require("red", red).require("nir", nir)
                    .require("swir1", swir1).require("swir2", swir2)
                    .map(b -> SpectralIndices.albedo(b.get("blue"), b.get("red"), b.get("nir"), b.get("swir1"),
                            b.get("swir2")), monitor);
            case NMDI -> in.require("nir", nir).require("swir1", swir1).require("swir2", swir2)
                    .map(b -> SpectralIndices.nmdi(b.get("nir"), b.get("swir1"), b.get("swir2")), monitor);
            case FVC -> in.require("ndvi", ndvi).map(b -> cover.apply(b.get("ndvi")), monitor);
            case SEE -> see(in, lst, fvc, ndvi, cover, dem, coarseGrid, new SoilEvaporativeEfficiency(
                    ProcessSupport.orDefault(lapseRate, SoilEvaporativeEfficiency.DEFAULT_LAPSE_RATE),
                    ProcessSupport.orDefault(maxFvc, SoilEvaporativeEfficiency.DEFAULT_MAX_FVC),
                    ProcessSupport.orDefault(vegetationTemperature, Double.NaN)), monitor);
        };
        return ProcessSupport.seriesResult("index", index.name().toLowerCase(java.util.Locale.ROOT), result);
    }

    private static GridSeries see(Bands in, GridCoverage2D lst, GridCoverage2D fvc, GridCoverage2D ndvi,
            FractionalVegetationCover cover, GridCoverage2D dem, GridCoverage2D coarseGrid,
            SoilEvaporativeEfficiency model, Monitor monitor) {
        if ((fvc == null) == (ndvi == null)) {
            throw ParameterException.because(fvc == null ? "fvc" : "ndvi", "SEE needs exactly one of fvc and ndvi");
        }
        in.require("lst", lst);
        if (fvc != null) {
            in.require("fvc", fvc);
        } else {
            in.require("ndvi", ndvi);
        }
        Grid elevation = ProcessSupport.optionalGrid("dem", dem);
        GridGeometry fine = in.geometry();
        if (elevation != null) {
            GridChecks.requireSameGrid("dem", elevation.geometry(), in.first, fine);
        }
        int[] cell = null;
        int cells = 0;
        if (coarseGrid != null) {
            GridGeometry coarse = org.ssm.io.Coverages.geometry("coarseGrid", coarseGrid);
            GridChecks.requireNested("coarseGrid", coarse, fine);
            cell = fine.coarseCellIndex(coarse);
            cells = coarse.size();
        }
        int[] lowResolutionCell = cell;
        int lowResolutionCells = cells;
        float[] demValues = elevation == null ? null : elevation.values();
        return in.map(b -> model.compute(b.get("lst"), b.containsKey("fvc") ? b.get("fvc") : cover.apply(b.get("ndvi")),
                demValues, lowResolutionCell, lowResolutionCells).see(), monitor);
    }

    /** Named series inputs on one grid with one set of dates, mapped date by date to one output band. */
    private static final class Bands {
        private final List<LocalDate> dates;
        private final Map<String, GridSeries> series = new LinkedHashMap<>();
        private String first;

        Bands(List<LocalDate> dates) {
            this.dates = dates;
        }

        Bands require(String name, GridCoverage2D coverage) {
            GridSeries s = ProcessSupport.series(name, coverage, dates);
            GridChecks.requireData(name, s);
            if (first == null) {
                first = name;
            } else {
                GridSeries reference = series.get(first);
                GridChecks.requireSameGrid(name, s.geometry(), first, reference.geometry());
                GridChecks.requireSameDates(name, s, first, reference, false);
            }
            series.put(name, s);
            return this;
        }

        GridGeometry geometry() {
            return series.get(first).geometry();
        }

        GridSeries map(Function<Map<String, float[]>, float[]> index, Monitor monitor) {
            GridSeries reference = series.get(first);
            int n = reference.size();
            List<float[]> out = new ArrayList<>(n);
            for (int d = 0; d < n; d++) {
                monitor.checkpoint(d, n);
                Map<String, float[]> bands = new LinkedHashMap<>();
                for (Map.Entry<String, GridSeries> e : series.entrySet()) {
                    bands.put(e.getKey(), e.getValue().band(d));
                }
                out.add(index.apply(bands));
            }
            monitor.checkpoint(n, n);
            return GridSeries.of(reference.geometry(), reference.dates(), out.toArray(new float[0][]));
        }
    }
}
