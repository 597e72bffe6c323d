package org.ssm.charts;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import org.ssm.algorithms.collocation.DailyMeans;
import org.ssm.algorithms.validation.Comparison;
import org.ssm.algorithms.validation.Metrics;
import org.ssm.algorithms.validation.StationPairs;
import org.ssm.algorithms.validation.StationSamples;
import org.ssm.algorithms.validation.StationValidation;
import org.ssm.algorithms.validation.ValidationResult;
import org.ssm.stations.StationSeries;

/** The charts of a validation: the scatter of all pairs, a station's time series, box plots of station metrics. */
public final class ValidationCharts {

    private ValidationCharts() {}

    /**
     * The product (and the coarse product) against in situ over the stations of the overall
     * aggregate, with the pooled metrics of those pairs.
     */
    public static BufferedImage scatter(ValidationResult r) {
        List<ScatterChart.Series> series = new ArrayList<>();
        if (r.hasCoarse()) {
            series.add(pooled("coarse", ChartStyle.COARSE, r, StationValidation::coarse, r.coarse().pooled()));
        }
        series.add(pooled("product", ChartStyle.PRODUCT, r, StationValidation::product, r.product().pooled()));
        return new ScatterChart("Against in situ: " + r.product().stations() + " stations, " + r.product().pooled().n()
                + " pairs", series).render();
    }

    private static ScatterChart.Series pooled(String label, java.awt.Color color, ValidationResult r,
            Function<StationValidation, Comparison> which, Metrics metrics) {
        int min = r.parameters().minPairs();
        List<StationPairs> kept = new ArrayList<>();
        int n = 0;
        for (StationValidation v : r.stations()) {
            StationPairs p = which.apply(v).pairs();
            if (p.size() >= min) {
                kept.add(p);
                n += p.size();
            }
        }
        double[] obs = new double[n];
        double[] est = new double[n];
        int at = 0;
        for (StationPairs p : kept) {
            System.arraycopy(p.observed(), 0, obs, at, p.size());
            System.arraycopy(p.estimated(), 0, est, at, p.size());
            at += p.size();
        }
        return new ScatterChart.Series(label, color, obs, est, metrics);
    }

    /**
     * The time series chart of station {@code index}: its daily means, the product and the coarse
     * product in its cells on every date of the period, and the rain when given.
     *
     * @param station the station's readings (the one at {@code index} in the validation's input)
     * @param rain the rain at the station, or null; only the dates within the product's sampled dates are drawn
     */
    public static TimeSeriesChart timeSeries(ValidationResult r, int index, StationSeries station,
            TimeSeriesChart.Rain rain) {
        StationValidation v = r.stations().get(index);
        List<LocalDate> dates = r.productSamples().dates();
        NavigableMap<LocalDate, Double> means = DailyMeans.of(station).subMap(dates.get(0), true,
                dates.get(dates.size() - 1), true);
        int[] days = new int[means.size()];
        double[] values = new double[means.size()];
        int i = 0;
        for (Map.Entry<LocalDate, Double> e : means.entrySet()) {
            days[i] = (int) e.getKey().toEpochDay();
            values[i++] = e.getValue();
        }
        List<TimeSeriesChart.Line> lines = new ArrayList<>();
        if (r.hasCoarse()) {
            lines.add(samples("coarse", ChartStyle.COARSE, TimeSeriesChart.Style.LINE, r.coarseSamples(), index));
        }
        lines.add(samples("product", ChartStyle.PRODUCT, TimeSeriesChart.Style.DASHED, r.productSamples(), index));
        lines.add(new TimeSeriesChart.Line("in situ", ChartStyle.INSITU, TimeSeriesChart.Style.POINTS, days, values));
        String title = "Station " + v.station().id() + (v.station().network().isEmpty() ? ""
                : " (" + v.station().network() + ")") + ": " + v.pairs() + " pairs";
        return new TimeSeriesChart(title, lines, rain == null ? null
                : within(rain, dates.get(0).toEpochDay(), dates.get(dates.size() - 1).toEpochDay()));
    }

    /** The rain of the dates in [first, last], the period the chart covers. */
    private static TimeSeriesChart.Rain within(TimeSeriesChart.Rain rain, long first, long last) {
        int[] days = rain.epochDays().clone();
        double[] mm = rain.mm().clone();
        int n = 0;
        for (int i = 0; i < days.length; i++) {
            if (days[i] >= first && days[i] <= last) {
                days[n] = days[i];
                mm[n++] = mm[i];
            }
        }
        return new TimeSeriesChart.Rain(java.util.Arrays.copyOf(days, n), java.util.Arrays.copyOf(mm, n));
    }

    private static TimeSeriesChart.Line samples(String label, java.awt.Color color, TimeSeriesChart.Style style,
            StationSamples s, int station) {
        int[] days = s.dates().stream().mapToInt(d -> (int) d.toEpochDay()).toArray();
        return new TimeSeriesChart.Line(label, color, style, days, s.of(station));
    }

    /** Box plots of PCC, RMSE, ubRMSE, bias and MAE over the stations with at least minPairs pairs. */
    public static BufferedImage boxPlot(ValidationResult r) {
        int min = r.parameters().minPairs();
        String[] names = {"PCC", "RMSE", "ubRMSE", "bias", "MAE"};
        List<BoxPlotChart.Group> groups = new ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            List<BoxPlotChart.Box> boxes = new ArrayList<>();
            boxes.add(new BoxPlotChart.Box("product", ChartStyle.PRODUCT, metric(r, StationValidation::product, k, min)));
            if (r.hasCoarse()) {
                boxes.add(new BoxPlotChart.Box("coarse", ChartStyle.COARSE, metric(r, StationValidation::coarse, k, min)));
            }
            groups.add(new BoxPlotChart.Group(names[k], k == 0 ? "" : ChartStyle.SM_UNITS, boxes));
        }
        return new BoxPlotChart("Per-station metrics: " + r.product().stations() + " stations with at least " + min
                + " pairs", groups).render();
    }

    private static double[] metric(ValidationResult r, Function<StationValidation, Comparison> which, int k, int min) {
        return r.stations().stream().map(which).filter(c -> c.pairs().size() >= min)
                .mapToDouble(c -> c.metrics().values()[k]).toArray();
    }
}
