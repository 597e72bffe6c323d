package org.ssm.process;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.ssm.algorithms.dispatch.DisPATCh;
import org.ssm.algorithms.indices.FractionalVegetationCover;
import org.ssm.algorithms.indices.SoilEvaporativeEfficiency;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridSeries;

/** The {@code ssm:DisPATCh} process: a thin adapter over {@link DisPATCh} (paper E §3.2.2, eq. 5–6). */
@DescribeProcess(title = "DisPATCh downscaling",
        description = "Downscales coarse soil moisture with fine-scale soil evaporative efficiency (SEE) by the"
                + " first-order Taylor expansion of DisPATCh (paper E section 3.2.2, eq. 5-6). SEE comes from LST and"
                + " vegetation cover with the elevation correction of eq. 3. The mean of the fine pixels in each coarse"
                + " pixel equals the coarse value.")
public class DisPATChProcess {

    @DescribeResults({
        @DescribeResult(name = "ssm", type = GridCoverage2D.class, primary = true,
                description = "Fine-scale surface soil moisture (m3/m3), one band per date"),
        @DescribeResult(name = "dates", type = String.class, description = "Dates of the bands of ssm")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "coarseSsm", description = "Coarse soil moisture (m3/m3), one band per date;"
                    + " its cells must be whole multiples of the fine cells") GridCoverage2D coarseSsm,
            @DescribeParameter(name = "lst", description = "Fine land-surface temperature (K), one band per date")
                    GridCoverage2D lst,
            @DescribeParameter(name = "fvc", min = 0, description = "Fine fractional vegetation cover (0-1), one band"
                    + " per date or a single band for all dates; give fvc or ndvi") GridCoverage2D fvc,
            @DescribeParameter(name = "ndvi", min = 0, description = "Fine NDVI, converted to vegetation cover with"
                    + " NDVI_s = 0.15 and NDVI_v = 0.90 (Merlin et al. 2012); give fvc or ndvi") GridCoverage2D ndvi,
            @DescribeParameter(name = "dem", min = 0, description = "Fine elevation (m) for the LST elevation"
                    + " correction of eq. 3; without it no correction is made") GridCoverage2D dem,
            @DescribeParameter(name = ProcessSupport.DATES, min = 0, description = ProcessSupport.DATES_DESCRIPTION)
                    String dates,
            @DescribeParameter(name = "lapseRate", min = 0, defaultValue = "" + SoilEvaporativeEfficiency.DEFAULT_LAPSE_RATE, minValue = 0, maxValue = 0.1,
                    description = "Lapse rate gamma of eq. 3, K/m") Double lapseRate,
            @DescribeParameter(name = "maxFvc", min = 0, defaultValue = "" + SoilEvaporativeEfficiency.DEFAULT_MAX_FVC, minValue = 0, maxValue = 1,
                    description = "Largest vegetation cover for which soil temperature (eq. 2) is computed;"
                            + " denser pixels are no data") Double maxFvc,
            @DescribeParameter(name = "vegetationTemperature", min = 0, minValue = 150, maxValue = 400,
                    description = "Vegetation temperature T_v of eq. 2 in K; estimated from each image's LST-fvc"
                            + " trapezoid (Moran et al. 1994) when omitted") Double vegetationTemperature,
            @DescribeParameter(name = "minCoarseSee", min = 0, defaultValue = "" + DisPATCh.DEFAULT_MIN_COARSE_SEE, minValue = 0, maxValue = 1,
                    description = "Smallest coarse SEE for which eq. 6 is applied; below it the coarse value is"
                            + " kept") Double minCoarseSee,
            ProgressListener monitor) {
        List<LocalDate> bandDates = ProcessSupport.dates(dates);
        if ((fvc == null) == (ndvi == null)) {
            throw ParameterException.because(fvc == null ? "fvc" : "ndvi", "give exactly one of fvc and ndvi");
        }
        GridSeries cover = fvc != null
                ? ProcessSupport.series("fvc", fvc, bandDates)
                : coverFromNdvi(ProcessSupport.series("ndvi", ndvi, bandDates));
        DisPATCh model = new DisPATCh(
                new SoilEvaporativeEfficiency(
                        ProcessSupport.orDefault(lapseRate, SoilEvaporativeEfficiency.DEFAULT_LAPSE_RATE),
                        ProcessSupport.orDefault(maxFvc, SoilEvaporativeEfficiency.DEFAULT_MAX_FVC),
                        ProcessSupport.orDefault(vegetationTemperature, Double.NaN)),
                ProcessSupport.orDefault(minCoarseSee, DisPATCh.DEFAULT_MIN_COARSE_SEE));
        GridSeries result = model.downscale(
                ProcessSupport.series("coarseSsm", coarseSsm, bandDates),
                ProcessSupport.series("lst", lst, bandDates),
                cover,
                ProcessSupport.optionalGrid("dem", dem),
                ProcessSupport.monitor(monitor));
        return ProcessSupport.seriesResult("ssm", "ssm", result);
    }

    private static GridSeries coverFromNdvi(GridSeries ndvi) {
        float[][] bands = new float[ndvi.size()][];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = FractionalVegetationCover.of(ndvi.band(b));
        }
        return GridSeries.of(ndvi.geometry(), ndvi.dates(), bands);
    }
}
