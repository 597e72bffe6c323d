package org.ssm.process;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.ssm.algorithms.collocation.CoarseProduct;
import org.ssm.algorithms.collocation.Product;
import org.ssm.algorithms.collocation.ScreeningParameters;
import org.ssm.algorithms.collocation.ScreeningResult;
import org.ssm.algorithms.collocation.ScreeningTable;
import org.ssm.algorithms.collocation.StationScreening;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.io.Coverages;
import org.ssm.io.CrsTransforms;
import org.ssm.stations.StationSeries;

/**
 * The {@code ssm:TripleCollocation} process: a thin adapter over {@link StationScreening} (classic
 * TC, Gruber et al. 2016; extended TC, McColl et al. 2014, eq. 4 and 9; paper A's ETC filtering of
 * in-situ sensors).
 */
@DescribeProcess(title = "Triple collocation screening of in-situ stations",
        description = "For each station, collocates its daily mean soil moisture (UTC dates) with a satellite and a"
                + " model product sampled in the coarse cells containing it, and estimates by classic triple"
                + " collocation the error variances, scaling factors and SNR (dB) of the three (Gruber et al. 2016,"
                + " pytesmo conventions) and by extended triple collocation their squared correlation rho2 with the"
                + " unknown truth (McColl et al. 2014, eq. 9). Stations outside a grid, with fewer than minTriplets"
                + " triplets, with invalid estimates (a covariance not positive, a negative error variance) or an"
                + " in-situ rho2 below minInsituRho2 are flagged; the others are kept as reliable sensors (paper A).")
public class TripleCollocationProcess {

    @DescribeResults({
        @DescribeResult(name = "reliable", type = SimpleFeatureCollection.class, primary = true,
                description = "The readings of the stations kept, with the input's station properties (station,"
                        + " network, time, sm, depth_from, depth_to, flag), all dates"),
        @DescribeResult(name = "table", type = String.class, meta = {"mimeTypes=text/csv"},
                description = "CSV, one line per station: " + "station, position, cells, triplets, dates, flagged,"
                        + " reason, detail, scaling_reference, then err_var, err_std (scaled to the reference), beta,"
                        + " snr_db and rho2 for insitu, satellite and model"),
        @DescribeResult(name = "assessment", type = SimpleFeatureCollection.class,
                description = "One point per station with station, network, depths and the results as tc_"
                        + " attributes (tc_flagged, tc_reason, tc_rho2_insitu, ...)")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "stations", description = "In-situ soil moisture: points in WGS84 longitude/"
                    + "latitude with properties station, network, time (ISO instant), sm (m3/m3), depth_from,"
                    + " depth_to, flag; readings of one UTC date are averaged") SimpleFeatureCollection stations,
            @DescribeParameter(name = "satellite", description = "Coarse satellite soil moisture (m3/m3), one band per"
                    + " date, no data in gaps") GridCoverage2D satellite,
            @DescribeParameter(name = "model", description = "Coarse model or reanalysis soil moisture (m3/m3), one"
                    + " band per date") GridCoverage2D model,
            @DescribeParameter(name = "satelliteDates", min = 0, description = "Dates of the bands of satellite (comma"
                    + " list or start/end/P1D); may be omitted when the coverage carries them") String satelliteDates,
            @DescribeParameter(name = "modelDates", min = 0, description = "Dates of the bands of model; may be"
                    + " omitted when the coverage carries them") String modelDates,
            @DescribeParameter(name = "period", min = 0, description = "Only triplets dated within start/end (ISO"
                    + " dates, e.g. 2021-04-01/2021-09-30, either side may be empty); all dates when omitted")
                    String period,
            @DescribeParameter(name = "minTriplets", min = 0, defaultValue = "" + StationScreening.DEFAULT_MIN_TRIPLETS,
                    minValue = ScreeningParameters.SMALLEST_MIN_TRIPLETS,
                    maxValue = ScreeningParameters.LARGEST_MIN_TRIPLETS,
                    description = "Fewest complete triplets for a station to be assessed") Integer minTriplets,
            @DescribeParameter(name = "minInsituRho2", min = 0, defaultValue = ""
                    + StationScreening.DEFAULT_MIN_INSITU_RHO2, minValue = 0, maxValue = 1,
                    description = "Smallest ETC rho2 of the in-situ sensor with the truth for the station to be kept;"
                            + " 0.5 is an SNR of 0 dB") Double minInsituRho2,
            @DescribeParameter(name = "scalingReference", min = 0, defaultValue = StationScreening.DEFAULT_SCALING_REFERENCE,
                    description = "The product the scaling factors (beta) and scaled error deviations refer to:"
                            + " INSITU, SATELLITE or MODEL") Product scalingReference,
            ProgressListener listener) {
        if (stations == null) {
            throw ParameterException.missing("stations", "a feature collection of station readings (GeoJSON)");
        }
        LocalDate[] bounds = ProcessSupport.period(period);
        ScreeningParameters parameters = new ScreeningParameters(
                minTriplets == null ? StationScreening.DEFAULT_MIN_TRIPLETS : minTriplets,
                ProcessSupport.orDefault(minInsituRho2, StationScreening.DEFAULT_MIN_INSITU_RHO2),
                scalingReference == null ? Product.parse("scalingReference", StationScreening.DEFAULT_SCALING_REFERENCE)
                        : scalingReference,
                bounds[0], bounds[1]);
        List<StationSeries> series = StationFeatures.toSeries("stations", stations);
        ScreeningResult result = new StationScreening(parameters).screen(series,
                product("satellite", satellite, satelliteDates), product("model", model, modelDates),
                ProcessSupport.monitor(listener));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reliable", StationFeatures.toFeatures(result.kept()));
        out.put("table", ScreeningTable.csv(result));
        out.put("assessment", CollocationFeatures.of(result));
        return out;
    }

    private static CoarseProduct product(String parameter, GridCoverage2D coverage, String datesText) {
        if (coverage == null) {
            throw ParameterException.missing(parameter, "a coverage (GeoTIFF) of soil moisture, one band per date");
        }
        String datesParameter = parameter + "Dates";
        List<LocalDate> dates = datesText == null || datesText.isBlank() ? null
                : SeriesDates.parse(datesParameter, datesText);
        if (dates != null && dates.size() != coverage.getNumSampleDimensions()) {
            throw new ParameterException(datesParameter, dates.size() + " dates",
                    "one date per band of " + parameter + " (" + coverage.getNumSampleDimensions() + " bands)");
        }
        GridSeries series = Coverages.fromCoverage(parameter, coverage, dates, Double.NaN);
        if (!series.isDated()) {
            throw ParameterException.missing(datesParameter, "the dates of the bands of " + parameter
                    + " (the coverage carries none)");
        }
        return new CoarseProduct(parameter, series,
                CrsTransforms.between("stations", "EPSG:4326", series.geometry().crs()));
    }
}
