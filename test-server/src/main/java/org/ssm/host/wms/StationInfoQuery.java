package org.ssm.host.wms;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.catalog.StationLayer;
import org.ssm.stations.Observation;
import org.ssm.stations.StationSeries;

/**
 * Answers GetFeatureInfo on station layers: the stations whose circle centres lie within
 * {@link #TOLERANCE_PX} pixels of the clicked pixel's centre, nearest first, up to FEATURE_COUNT per
 * layer, each with its readings (limited to a TIME range when one is given).
 */
final class StationInfoQuery {

    /** A click this close to a station's centre finds it: the circle's radius and a little slack. */
    static final double TOLERANCE_PX = StationStyle.RADIUS + 2;

    private final Catalog catalog;

    StationInfoQuery(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * One station near the point.
     *
     * @param layer the layer
     * @param series the station and all its readings
     * @param distancePx distance in pixels from the clicked pixel's centre to the station's
     * @param date the date of {@code value}: the TIME asked for, else the last date with a reading in
     *     {@code readings}; {@code null} when there is none
     * @param value the mean of the readings with a value on {@code date} (UTC), NaN when there is none
     * @param readings the readings reported, within the TIME range when one is given
     */
    record StationInfo(StationLayer layer, StationSeries series, double distancePx, LocalDate date, double value,
            List<Observation> readings) {

        StationInfo {
            readings = List.copyOf(readings);
        }
    }

    /** The stations near the point, layer by layer in QUERY_LAYERS order. */
    List<StationInfo> query(GetFeatureInfoRequest request) {
        List<StationInfo> out = new ArrayList<>();
        double cx = request.i() + 0.5;
        double cy = request.j() + 0.5;
        for (StationLayer layer : request.queryStations()) {
            List<StationSeries> stations = catalog.stations(layer);
            double[] px = StationPositions.of(stations, request.map().crs(), request.map().grid());
            List<StationInfo> near = new ArrayList<>();
            for (int s = 0; s < stations.size(); s++) {
                double d = Math.hypot(px[2 * s] - cx, px[2 * s + 1] - cy);
                if (d <= TOLERANCE_PX) {
                    near.add(info(layer, stations.get(s), d, request.time()));
                }
            }
            near.sort(Comparator.comparingDouble(StationInfo::distancePx));
            out.addAll(near.subList(0, Math.min(near.size(), request.featureCount())));
        }
        return out;
    }

    private static StationInfo info(StationLayer layer, StationSeries station, double distance,
            GetFeatureInfoRequest.TimeSelection time) {
        List<Observation> readings = new ArrayList<>();
        for (Observation o : station.observations()) {
            LocalDate d = utcDate(o);
            if (!time.range() || ((time.from() == null || !d.isBefore(time.from()))
                    && (time.to() == null || !d.isAfter(time.to())))) {
                readings.add(o);
            }
        }
        LocalDate date = time.date();
        if (date == null) {
            for (int k = readings.size() - 1; k >= 0 && date == null; k--) {
                if (!Double.isNaN(readings.get(k).sm())) {
                    date = utcDate(readings.get(k));
                }
            }
        }
        double sum = 0;
        int n = 0;
        for (Observation o : station.observations()) {
            if (date != null && !Double.isNaN(o.sm()) && utcDate(o).equals(date)) {
                sum += o.sm();
                n++;
            }
        }
        return new StationInfo(layer, station, distance, date, n == 0 ? Double.NaN : sum / n, readings);
    }

    private static LocalDate utcDate(Observation o) {
        return LocalDate.ofInstant(o.time(), ZoneOffset.UTC);
    }
}
