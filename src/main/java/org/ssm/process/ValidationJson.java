package org.ssm.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.algorithms.validation.Aggregate;
import org.ssm.algorithms.validation.DatedMetrics;
import org.ssm.algorithms.validation.GDown;
import org.ssm.algorithms.validation.GDownSummary;
import org.ssm.algorithms.validation.GainComparison;
import org.ssm.algorithms.validation.Metrics;
import org.ssm.algorithms.validation.MonthlyMetrics;
import org.ssm.algorithms.validation.SpatialSd;
import org.ssm.algorithms.validation.StationValidation;
import org.ssm.algorithms.validation.ValidationResult;
import org.ssm.core.Json;

/**
 * The {@code summary} output of {@code ssm:Validate}: the whole result as one JSON document (the
 * same numbers as the CSV tables, structured; undefined metrics are null). Top-level members:
 * {@code parameters}, {@code overall} ({@code product}, {@code coarse}, {@code gains}), {@code months},
 * {@code stations}, {@code spatial_sd} and {@code truth}.
 */
final class ValidationJson {

    private ValidationJson() {}

    static String of(ValidationResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("minPairs", r.parameters().minPairs());
        parameters.put("spatialSdMinStations", r.parameters().spatialSdMinStations());
        parameters.put("from", r.parameters().from() == null ? null : r.parameters().from().toString());
        parameters.put("to", r.parameters().to() == null ? null : r.parameters().to().toString());
        root.put("parameters", parameters);
        Map<String, Object> overall = new LinkedHashMap<>();
        overall.put("product", aggregate(r.product()));
        overall.put("coarse", r.coarse() == null ? null : aggregate(r.coarse()));
        overall.put("gains", r.gains() == null ? null : gains(r.gains()));
        root.put("overall", overall);
        List<Object> months = new ArrayList<>();
        for (MonthlyMetrics m : r.months()) {
            Map<String, Object> month = new LinkedHashMap<>();
            month.put("month", m.month().toString());
            month.put("product", aggregate(m.product()));
            month.put("coarse", m.coarse() == null ? null : aggregate(m.coarse()));
            months.add(month);
        }
        root.put("months", months);
        List<Object> stations = new ArrayList<>();
        for (StationValidation v : r.stations()) {
            stations.add(station(v));
        }
        root.put("stations", stations);
        root.put("chart_station", r.stations().get(r.chartStation()).station().id());
        List<Object> sd = new ArrayList<>();
        for (SpatialSd d : r.spatialSd()) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", d.date().toString());
            day.put("stations", d.stations());
            day.put("insitu", d.insitu());
            day.put("product", d.product());
            day.put("coarse", d.coarse());
            sd.add(day);
        }
        root.put("spatial_sd", sd);
        if (r.truth() != null) {
            Map<String, Object> truth = new LinkedHashMap<>();
            truth.put("pooled", metrics(r.truth().pooled()));
            List<Object> dates = new ArrayList<>();
            for (DatedMetrics d : r.truth().dates()) {
                Map<String, Object> day = new LinkedHashMap<>();
                day.put("date", d.date().toString());
                day.put("metrics", metrics(d.metrics()));
                day.put("sd_product", d.sdProduct());
                day.put("sd_truth", d.sdTruth());
                dates.add(day);
            }
            truth.put("dates", dates);
            root.put("truth", truth);
        } else {
            root.put("truth", null);
        }
        return Json.write(root);
    }

    private static Map<String, Object> station(StationValidation v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("station", v.station().id());
        s.put("network", v.station().network());
        s.put("lon", v.station().lon());
        s.put("lat", v.station().lat());
        s.put("product_cell", v.productCell());
        s.put("product", metrics(v.product().metrics()));
        if (v.coarse() != null) {
            s.put("coarse_cell", v.coarseCell());
            s.put("coarse", metrics(v.coarse().metrics()));
            GainComparison g = v.gain();
            Map<String, Object> gain = gain(g.gains());
            gain.put("pairs", g.pairs());
            gain.put("product", metrics(g.hr()));
            gain.put("coarse", metrics(g.lr()));
            s.put("gain", gain);
        }
        s.put("note", v.note());
        return s;
    }

    private static Map<String, Object> aggregate(Aggregate a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stations", a.stations());
        m.put("pooled", metrics(a.pooled()));
        m.put("station_mean", metrics(a.stationMean()));
        return m;
    }

    private static Map<String, Object> gains(GDownSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stations", s.stations());
        m.put("mean", gain(s.mean()));
        m.put("positive", s.positive());
        m.put("positive_share", s.positiveShare());
        return m;
    }

    private static Map<String, Object> gain(GDown g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("g_effi", g.effi());
        m.put("g_prec", g.prec());
        m.put("g_accu", g.accu());
        m.put("g_down", g.down());
        return m;
    }

    private static Map<String, Object> metrics(Metrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", m.n());
        double[] v = m.values();
        for (int k = 0; k < v.length; k++) {
            out.put(Metrics.NAMES.get(k), v[k]);
        }
        out.put("note", m.note());
        return out;
    }
}
