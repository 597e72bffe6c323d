package org.ssm.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.ssm.algorithms.fusion.Estarfm;
import org.ssm.algorithms.fusion.EstarfmParameters;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesBuffer;
import org.ssm.grid.SeriesDates;
import org.ssm.grid.SeriesReader;
import org.ssm.io.Coverages;
import org.ssm.io.ScratchSeries;

/**
 * The {@code ssm:ESTARFM} process: a thin adapter over {@link Estarfm} (Zhu et al. 2010; paper B
 * §3.3, eq. 1–3).
 *
 * <p>The coarse images at the prediction dates are read date by date from {@code coarseP} and the
 * predictions written date by date: to memory when they are small, else to a memory-mapped scratch
 * file that backs the returned coverage and is deleted once the coverage is no longer used.
 */
@DescribeProcess(title = "ESTARFM spatio-temporal fusion",
        description = "Predicts fine-resolution images at the dates of coarse images from two pairs of fine and"
                + " coarse images at base dates t_m and t_n, by the enhanced spatial and temporal adaptive reflectance"
                + " fusion model (Zhu et al. 2010; paper B section 3.3, eq. 1-3): similar pixels within 2 sigma / m of"
                + " the centre in every band at both base dates, weights from spectral correlation and distance,"
                + " regression conversion coefficients, and temporal weights from window sums of the coarse images."
                + " Images have one or more bands; coarse images lie on a grid nested in the fine grid, or on the fine"
                + " grid itself. Chains: its output can be the coarse input of a second run (e.g. reanalysis LST +"
                + " MODIS -> 1 km, then + Landsat -> 30 m).")
public class ESTARFMProcess {

    /** Predictions up to this size are kept in memory; larger ones go to a scratch file. */
    static final long IN_MEMORY_BYTES = 256L << 20;

    private static final Cleaner SCRATCH_CLEANER = Cleaner.create();

    private final long inMemoryBytes;

    public ESTARFMProcess() {
        this(IN_MEMORY_BYTES);
    }

    /** A process keeping predictions of up to {@code inMemoryBytes} in memory (tests use 0). */
    ESTARFMProcess(long inMemoryBytes) {
        this.inMemoryBytes = inMemoryBytes;
    }

    @DescribeResults({
        @DescribeResult(name = "fused", type = GridCoverage2D.class, primary = true,
                description = "Fine-resolution predictions on the grid of fineM, at the dates of coarseP: as many bands"
                        + " as coarseP, date-major (band d*nb + b is band b at date d). Named after the fineM coverage"
                        + " (e.g. lst), which sets its style."),
        @DescribeResult(name = "dates", type = String.class, description = "The prediction dates, one per group of"
                + " nb bands of fused")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "fineM", description = "Fine image at the first base date t_m (nb bands)")
                    GridCoverage2D fineM,
            @DescribeParameter(name = "coarseM", description = "Coarse image at t_m (nb bands), on a grid nested in"
                    + " the fine grid (cells whole multiples of fine cells on shared edges) or on the fine grid")
                    GridCoverage2D coarseM,
            @DescribeParameter(name = "fineN", description = "Fine image at the second base date t_n, on the grid of"
                    + " fineM") GridCoverage2D fineN,
            @DescribeParameter(name = "coarseN", description = "Coarse image at t_n, on the grid of coarseM")
                    GridCoverage2D coarseN,
            @DescribeParameter(name = "coarseP", description = "Coarse images at the prediction dates, on the grid of"
                    + " coarseM: nb bands per date, date after date") GridCoverage2D coarseP,
            @DescribeParameter(name = ProcessSupport.DATES, min = 0, description = "The prediction dates of coarseP,"
                    + " one per group of nb bands: a comma list of ISO dates or an interval start/end/period such as"
                    + " 2021-04-01/2021-09-30/P1D. May be omitted when coarseP carries its dates (one band per date,"
                    + " e.g. the output of another ssm process).") String dates,
            @DescribeParameter(name = "window", min = 0, defaultValue = "" + EstarfmParameters.DEFAULT_WINDOW,
                    minValue = 3, maxValue = EstarfmParameters.MAX_WINDOW,
                    description = "Side of the moving window in fine pixels, odd") Integer window,
            @DescribeParameter(name = "classes", min = 0, defaultValue = "" + EstarfmParameters.DEFAULT_CLASSES,
                    minValue = 1, maxValue = 100, description = "Estimated number of land-cover classes m: similar"
                    + " pixels are within 2 sigma / m of the centre pixel") Integer classes,
            @DescribeParameter(name = "regression", min = 0, defaultValue = "true", description = "Fit the"
                    + " conversion coefficient V by regression of fine on coarse values of the similar pixels;"
                    + " false uses V = 1") Boolean regression,
            @DescribeParameter(name = "minValue", min = 0, description = "Smallest valid value: smaller inputs are"
                    + " no data and smaller predictions are revised; no lower bound when omitted") Double minValue,
            @DescribeParameter(name = "maxValue", min = 0, description = "Largest valid value: larger inputs are no"
                    + " data and larger predictions are revised; no upper bound when omitted") Double maxValue,
            ProgressListener monitor) {
        EstarfmParameters parameters = new EstarfmParameters(
                window == null ? EstarfmParameters.DEFAULT_WINDOW : window,
                classes == null ? EstarfmParameters.DEFAULT_CLASSES : classes,
                regression == null || regression,
                minValue == null ? Double.NEGATIVE_INFINITY : minValue,
                maxValue == null ? Double.POSITIVE_INFINITY : maxValue);
        Estarfm estarfm = Estarfm.prepare(parameters,
                image("fineM", fineM), image("coarseM", coarseM), image("fineN", fineN), image("coarseN", coarseN));
        if (coarseP == null) {
            throw ParameterException.missing("coarseP", "a coverage (GeoTIFF)");
        }
        int nb = estarfm.bands();
        int bands = coarseP.getNumSampleDimensions();
        List<LocalDate> predictionDates = predictionDates(dates, coarseP, nb, bands);
        // Band dates travel with the bands only when each date has one band.
        List<LocalDate> bandDates = nb == 1 ? predictionDates : List.of();
        SeriesReader input = Coverages.reader("coarseP", coarseP, bandDates);
        String name = fineM.getName().toString();
        GridCoverage2D fused;
        try {
            long bytes = 4L * bands * estarfm.fineGrid().size();
            if (bytes <= inMemoryBytes) {
                SeriesBuffer out = new SeriesBuffer(estarfm.fineGrid(), bandDates, bands);
                estarfm.predict(input, out, ProcessSupport.monitor(monitor));
                fused = Coverages.toCoverage(name, out.toSeries());
            } else {
                fused = toScratch(estarfm, input, bandDates, bands, name, monitor);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("fused", fused);
        if (!predictionDates.isEmpty()) {
            result.put(ProcessSupport.DATES, SeriesDates.format(predictionDates));
        }
        return result;
    }

    private static GridCoverage2D toScratch(Estarfm estarfm, SeriesReader input, List<LocalDate> bandDates, int bands,
            String name, ProgressListener monitor) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ssm-scratch");
        ScratchSeries scratch = ScratchSeries.create(dir, estarfm.fineGrid(), bandDates, bands);
        try {
            estarfm.predict(input, scratch, ProcessSupport.monitor(monitor));
        } catch (IOException | RuntimeException e) {
            scratch.close();
            throw e;
        }
        GridCoverage2D coverage = Coverages.toCoverage(name, scratch);
        SCRATCH_CLEANER.register(coverage, () -> {
            try {
                scratch.close();
            } catch (IOException e) {
                // The file is in the temporary directory; nothing else holds it.
            }
        });
        return coverage;
    }

    /** An input image (its dates, if any, are irrelevant: it stands at one base date). */
    private static GridSeries image(String parameter, GridCoverage2D coverage) {
        if (coverage == null) {
            throw ParameterException.missing(parameter, "a coverage (GeoTIFF)");
        }
        return Coverages.fromCoverage(parameter, coverage, List.of(), Double.NaN);
    }

    /** The dates of the k = bands / nb prediction dates, or an empty list when they are not known. */
    private static List<LocalDate> predictionDates(String text, GridCoverage2D coarseP, int nb, int bands) {
        if (bands % nb != 0) {
            throw ParameterException.because("coarseP", "it has " + bands + " band(s); expected " + nb
                    + " band(s) per prediction date (the bands of fineM), date after date");
        }
        int k = bands / nb;
        List<LocalDate> parsed = ProcessSupport.dates(text);
        if (parsed != null) {
            if (parsed.size() != k) {
                throw new ParameterException(ProcessSupport.DATES, parsed.size() + " dates", "one date per"
                        + " prediction date of coarseP (" + k + ": " + bands + " bands of " + nb + ")");
            }
            return parsed;
        }
        return nb == 1 ? Coverages.datesFromDescriptions(coarseP) : List.of();
    }
}
