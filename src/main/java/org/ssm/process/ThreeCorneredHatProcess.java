package org.ssm.process;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.ssm.algorithms.tch.ProductNames;
import org.ssm.algorithms.tch.TchOutputs;
import org.ssm.algorithms.tch.TchReport;
import org.ssm.algorithms.tch.ThreeCorneredHat;
import org.ssm.core.ParameterException;
import org.ssm.grid.SeriesReader;
import org.ssm.io.Coverages;
import org.ssm.io.ScratchSeries;

/** The {@code ssm:ThreeCorneredHat} process: a thin adapter over {@link ThreeCorneredHat} (paper E §3.5, eq. 20–25). */
@DescribeProcess(title = "Three-cornered hat uncertainty",
        description = "Estimates, per pixel, the error variance of each of N >= 3 products of the same variable on"
                + " one grid and period, without a reference truth (paper E section 3.5, eq. 20-25): the covariance S"
                + " of the differences to the last product fixes the error covariance R of the products up to N free"
                + " values, which minimise the covariances between the errors (eq. 23) while keeping R positive"
                + " definite (eq. 24), from the initial value of eq. 25 (Galindo and Palacio 1999). Only dates valid"
                + " in every product are used. Outputs the uncertainty sqrt(R_ii), the relative uncertainty (over the"
                + " product's mean) and the map of the least uncertain product.")
public class ThreeCorneredHatProcess {

    /** Style and variable name of the absolute uncertainty. */
    public static final String UNCERTAINTY_VARIABLE = "uncertainty";
    /** Style and variable name of the relative uncertainty. */
    public static final String RELATIVE_VARIABLE = "relative-uncertainty";
    /** Style and variable name of the least-uncertain-product map. */
    public static final String INDEX_VARIABLE = "product-index";

    @DescribeResults({
        @DescribeResult(name = "uncertainty", type = GridCoverage2D.class, primary = true,
                description = "Uncertainty sqrt(R_ii) in the units of the products, band i = product i (band"
                        + " descriptions are the names); no data where a pixel has no estimate"),
        @DescribeResult(name = "relativeUncertainty", type = GridCoverage2D.class,
                description = "Uncertainty divided by the product's mean over the common dates, band i = product i"),
        @DescribeResult(name = "leastUncertain", type = GridCoverage2D.class,
                description = "Number (1 to N, in input order) of the product with the least uncertainty"),
        @DescribeResult(name = "products", type = String.class, description = "CSV text, one line per product: "
                + TchReport.PRODUCTS_HEADER + " (fraction of the estimated pixels)"),
        @DescribeResult(name = "report", type = String.class, description = "CSV text, pixels per outcome: "
                + TchReport.OUTCOMES_HEADER + "; outcomes solved, solved_on_boundary (R singular, a variance"
                + " 0), no_data, too_few_dates, constant_product, singular_differences (identical products),"
                + " not_converged")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "products", collectionType = GridCoverage2D.class, min = 3,
                    max = Integer.MAX_VALUE, description = "The products to compare, at least 3, on one grid with"
                            + " the same dates (band i = date i), e.g. the results of several downscaling methods;"
                            + " no data where missing") List<GridCoverage2D> products,
            @DescribeParameter(name = ProductNames.PARAMETER, min = 0, description = "Names of the products in input"
                    + " order, comma-separated (e.g. MSR,DisPATCh,RF,GPR,ATARK); default product1, product2, ...")
                    String names,
            @DescribeParameter(name = ProcessSupport.DATES, min = 0, description = ProcessSupport.DATES_DESCRIPTION)
                    String dates,
            @DescribeParameter(name = "minDates", min = 0, defaultValue = "" + ThreeCorneredHat.DEFAULT_MIN_DATES,
                    minValue = 3, description = "Fewest dates valid in every product for a pixel to be estimated;"
                            + " at least the number of products. A variance from T dates errs by about"
                            + " sqrt(2/T) of itself") Integer minDates,
            @DescribeParameter(name = "maxIterations", min = 0,
                    defaultValue = "" + ThreeCorneredHat.DEFAULT_MAX_ITERATIONS, minValue = 1, maxValue = 1000,
                    description = "Most steps of the constrained minimisation per pixel: one"
                            + " on eq. 23, the rest on the Kuhn-Tucker multiplier when the minimum lies on the boundary") Integer maxIterations,
            @DescribeParameter(name = "tolerance", min = 0, defaultValue = "" + ThreeCorneredHat.DEFAULT_TOLERANCE,
                    minValue = ThreeCorneredHat.MIN_TOLERANCE, maxValue = 0.001, description = "Largest |G| of eq. 24 (free of units) accepted"
                            + " when the minimum lies on the boundary R singular") Double tolerance,
            ProgressListener listener) {
        ThreeCorneredHat method = new ThreeCorneredHat(
                minDates == null ? ThreeCorneredHat.DEFAULT_MIN_DATES : minDates,
                maxIterations == null ? ThreeCorneredHat.DEFAULT_MAX_ITERATIONS : maxIterations,
                ProcessSupport.orDefault(tolerance, ThreeCorneredHat.DEFAULT_TOLERANCE));
        List<SeriesReader> series = readers(products, ProcessSupport.dates(dates));
        List<String> productNames = ProductNames.parse(names, series.size());
        try (ScratchOutputs outputs = new ScratchOutputs()) {
            SeriesReader first = series.get(0);
            int n = series.size();
            ScratchSeries uncertainty = outputs.create(first.geometry(), List.of(), n);
            ScratchSeries relative = outputs.create(first.geometry(), List.of(), n);
            ScratchSeries least = outputs.create(first.geometry(), List.of(), 1);
            TchReport report = method.run(series, new TchOutputs(uncertainty, relative, least),
                    ProcessSupport.monitor(listener));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("uncertainty", outputs.coverage(UNCERTAINTY_VARIABLE, uncertainty, productNames));
            result.put("relativeUncertainty", outputs.coverage(RELATIVE_VARIABLE, relative, productNames));
            result.put("leastUncertain", outputs.coverage(INDEX_VARIABLE, least, List.of(legend(productNames))));
            result.put("products", report.productsCsv(productNames));
            result.put("report", report.outcomesCsv());
            return result;
        } catch (IOException e) {
            throw new ProcessException("three-cornered hat failed while reading or writing a series: "
                    + e.getMessage(), e);
        }
    }

    private static List<SeriesReader> readers(List<GridCoverage2D> products, List<LocalDate> dates) {
        if (products == null || products.size() < ThreeCorneredHat.MIN_PRODUCTS) {
            throw new ParameterException("products", products == null ? "none" : products.size() + " coverage(s)",
                    "at least " + ThreeCorneredHat.MIN_PRODUCTS + " coverages on one grid with the same dates");
        }
        List<SeriesReader> readers = new ArrayList<>();
        for (GridCoverage2D coverage : products) {
            if (coverage == null) {
                throw ParameterException.missing("products", "a coverage (GeoTIFF) for every product");
            }
            readers.add(Coverages.reader("products", coverage, dates));
        }
        return readers;
    }

    /** The description of the index band: which number is which product. */
    private static String legend(List<String> names) {
        StringBuilder sb = new StringBuilder("least uncertain product:");
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? " " : ", ").append(i + 1).append(" = ").append(names.get(i));
        }
        return sb.toString();
    }
}
