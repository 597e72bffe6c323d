package org.ssm.algorithms.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The CSV documents of a validation: the metrics table and the spatial standard deviation per
 * date. Numbers are written in full ({@link Double#toString}), undefined ones as empty cells.
 *
 * <p>Metrics table, one line per (scope, key, series, aggregate):
 *
 * <table>
 *   <caption>rows of the metrics table</caption>
 *   <tr><th>scope</th><th>key</th><th>aggregate</th><th>what</th></tr>
 *   <tr><td>station</td><td>station id</td><td>pairs</td><td>the station's pairs; the product line also carries
 *       G_down and its terms over the dates all three series share ({@code g_n} of them)</td></tr>
 *   <tr><td>overall</td><td>all</td><td>pooled, station_mean</td><td>{@link Aggregate}: stations with at least
 *       minPairs pairs; the product's station_mean line carries the mean gains over {@code g_n} stations</td></tr>
 *   <tr><td>month</td><td>YYYY-MM</td><td>pooled, station_mean</td><td>stations with at least minPairs pairs that
 *       month</td></tr>
 *   <tr><td>truth</td><td>all or YYYY-MM-DD</td><td>pixels</td><td>the product against the truth over every
 *       pixel, pooled and per date</td></tr>
 * </table>
 *
 * Series is {@code product} or {@code coarse}; {@code n} counts pairs (pixels for truth lines).
 */
public final class ValidationTable {

    /** The header of the metrics table. */
    public static final String HEADER = "scope,key,network,series,aggregate,stations,n,pcc,rmse,ubrmse,bias,mae,slope,"
            + "g_n,g_effi,g_prec,g_accu,g_down,note";

    /** The header of the spatial standard deviation table. */
    public static final String SPATIAL_SD_HEADER = "date,stations,sd_insitu,sd_product,sd_coarse";

    private ValidationTable() {}

    /** The metrics table of {@code result}. */
    public static String csv(ValidationResult result) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (StationValidation v : result.stations()) {
            String id = v.station().id();
            String network = v.station().network();
            GainComparison g = v.gain();
            String note = v.note().isEmpty() ? v.product().metrics().note() : v.note();
            line(sb, "station", id, network, "product", "pairs", "", v.product().metrics(),
                    g == null ? null : new String[] {String.valueOf(g.pairs()), number(g.gains().effi()),
                        number(g.gains().prec()), number(g.gains().accu()), number(g.gains().down())}, note);
            if (v.coarse() != null) {
                String coarseNote = v.coarseCell() == StationCells.OUTSIDE ? "outside the coarse grid"
                        : v.coarse().metrics().note();
                line(sb, "station", id, network, "coarse", "pairs", "", v.coarse().metrics(), null, coarseNote);
            }
        }
        aggregate(sb, "overall", "all", "product", result.product(), gains(result.gains()),
                result.gains() == null ? "" : positive(result.gains()));
        if (result.coarse() != null) {
            aggregate(sb, "overall", "all", "coarse", result.coarse(), null, "");
        }
        for (MonthlyMetrics m : result.months()) {
            aggregate(sb, "month", m.month().toString(), "product", m.product(), null, "");
            if (m.coarse() != null) {
                aggregate(sb, "month", m.month().toString(), "coarse", m.coarse(), null, "");
            }
        }
        if (result.truth() != null) {
            line(sb, "truth", "all", "", "product", "pixels", "", result.truth().pooled(), null,
                    result.truth().pooled().note());
            for (DatedMetrics d : result.truth().dates()) {
                line(sb, "truth", d.date().toString(), "", "product", "pixels", "", d.metrics(), null,
                        d.metrics().note());
            }
        }
        return sb.toString();
    }

    /** The spatial standard deviation per date: dates with at least one reporting station. */
    public static String spatialSdCsv(ValidationResult result) {
        StringBuilder sb = new StringBuilder(SPATIAL_SD_HEADER).append('\n');
        for (SpatialSd d : result.spatialSd()) {
            sb.append(d.date()).append(',').append(d.stations()).append(',').append(number(d.insitu())).append(',')
                    .append(number(d.product())).append(',').append(number(d.coarse())).append('\n');
        }
        return sb.toString();
    }

    private static String[] gains(GDownSummary s) {
        if (s == null) {
            return null;
        }
        GDown g = s.mean();
        return new String[] {String.valueOf(s.stations()), number(g.effi()), number(g.prec()), number(g.accu()),
            number(g.down())};
    }

    private static String positive(GDownSummary s) {
        return "G_down > 0 at " + s.positive() + " of " + s.stations() + " stations";
    }

    private static void aggregate(StringBuilder sb, String scope, String key, String series, Aggregate a,
            String[] gains, String extraNote) {
        String count = String.valueOf(a.stations());
        line(sb, scope, key, "", series, "pooled", count, a.pooled(), null, a.stations() == 0 ? "no station" : "");
        String note = a.stationMean().note() + (extraNote.isEmpty() ? "" : "; " + extraNote);
        line(sb, scope, key, "", series, "station_mean", count, a.stationMean(), gains, note);
    }

    private static void line(StringBuilder sb, String scope, String key, String network, String series,
            String aggregate, String stations, Metrics m, String[] gains, String note) {
        List<String> cells = new ArrayList<>(List.of(scope, quote(key), quote(network), series, aggregate, stations,
                String.valueOf(m.n())));
        for (double v : m.values()) {
            cells.add(number(v));
        }
        if (gains == null) {
            cells.addAll(List.of("", "", "", "", ""));
        } else {
            cells.addAll(List.of(gains));
        }
        cells.add(quote(note));
        sb.append(String.join(",", cells)).append('\n');
    }

    static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
