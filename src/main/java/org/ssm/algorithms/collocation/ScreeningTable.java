package org.ssm.algorithms.collocation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ssm.stations.Station;

/**
 * The per-station table of a screening as CSV (RFC 4180: comma-separated, fields with a comma or
 * quote quoted, LF line ends), one row per station in input order.
 *
 * <p>Numbers are written in Java's shortest round-trip form (e.g. {@code 3.69521884465508E-4}), so
 * a reader gets back exactly the estimates; a value that does not exist (no estimate, a negative
 * error variance's standard deviation) is an empty cell.
 */
public final class ScreeningTable {

    /** The estimate columns, each once per product: {@code err_var_insitu, err_var_satellite, ...}. */
    private static final List<Metric> METRICS = List.of(
            new Metric("err_var", MemberEstimate::errorVariance),
            new Metric("err_std", MemberEstimate::scaledErrorStd),
            new Metric("beta", MemberEstimate::scaling),
            new Metric("snr_db", MemberEstimate::snrDb),
            new Metric("rho2", MemberEstimate::rho2));

    /** The header line. */
    public static final String HEADER = header();

    private ScreeningTable() {}

    private record Metric(String name, ToDoubleFunction<MemberEstimate> value) {}

    private static String header() {
        List<String> columns = new ArrayList<>(List.of("station", "network", "lon", "lat", "depth_from", "depth_to",
                "satellite_cell", "model_cell", "triplets", "first_date", "last_date", "flagged", "reason", "detail",
                "scaling_reference"));
        for (Metric m : METRICS) {
            for (Product p : Product.values()) {
                columns.add(m.name() + "_" + p.label());
            }
        }
        return String.join(",", columns);
    }

    /** The table of {@code result}: {@link #HEADER} and one line per station. */
    public static String csv(ScreeningResult result) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        String reference = result.parameters().scalingReference().label();
        for (StationAssessment a : result.stations()) {
            Station st = a.station().station();
            List<String> cells = new ArrayList<>(List.of(quote(st.id()), quote(st.network()), number(st.lon()),
                    number(st.lat()), number(st.depthFrom()), number(st.depthTo()), String.valueOf(a.satelliteCell()),
                    String.valueOf(a.modelCell()), String.valueOf(a.triplets()),
                    a.firstDate() == null ? "" : a.firstDate().toString(),
                    a.lastDate() == null ? "" : a.lastDate().toString(), String.valueOf(!a.kept()),
                    a.kept() ? "" : a.verdict().code(), quote(a.detail()), reference));
            for (Metric m : METRICS) {
                for (Product p : Product.values()) {
                    cells.add(a.estimate() == null ? "" : number(m.value().applyAsDouble(a.estimate().member(p.index()))));
                }
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
