package org.ssm.host.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * A published station layer: in-situ readings as WGS84 points (SPEC §4), drawn by WMS as points
 * coloured by network and queried for their series; WCS does not offer it.
 *
 * @param name the layer name (an XML NCName)
 * @param title a human title
 * @param description what the layer holds and where it came from
 * @param origin what produced it: "scenario" or the process run
 * @param created when it was published
 * @param extent the box of the station positions, in degrees
 * @param dates the UTC dates with at least one reading with a value, ascending
 * @param networks the networks of the stations, sorted; their order sets their colours
 * @param stations number of station series
 * @param readings number of readings
 */
public record StationLayer(String name, String title, String description, String origin, Instant created,
        Extent extent, List<LocalDate> dates, List<String> networks, int stations, int readings)
        implements PublishedLayer {

    /** The kind written in {@code layer.json}, beside the raster layers that have none. */
    public static final String KIND = "stations";
    /** The units of the readings. */
    public static final String UNITS = "m3 m-3";

    public StationLayer {
        dates = List.copyOf(dates);
        networks = List.copyOf(networks);
    }

    /**
     * A box in longitude and latitude.
     *
     * @param west smallest longitude
     * @param south smallest latitude
     * @param east largest longitude
     * @param north largest latitude
     */
    public record Extent(double west, double south, double east, double north) {}

    /** The description of {@code series} as a layer. */
    static StationLayer of(String name, String title, String description, String origin, List<StationSeries> series) {
        double west = Double.POSITIVE_INFINITY;
        double south = Double.POSITIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY;
        double north = Double.NEGATIVE_INFINITY;
        TreeSet<LocalDate> dates = new TreeSet<>();
        TreeSet<String> networks = new TreeSet<>();
        int readings = 0;
        for (StationSeries s : series) {
            Station st = s.station();
            west = Math.min(west, st.lon());
            east = Math.max(east, st.lon());
            south = Math.min(south, st.lat());
            north = Math.max(north, st.lat());
            networks.add(st.network());
            for (Observation o : s.observations()) {
                readings++;
                if (!Double.isNaN(o.sm())) {
                    dates.add(LocalDate.ofInstant(o.time(), ZoneOffset.UTC));
                }
            }
        }
        return new StationLayer(name, title, description, origin, Instant.now(), new Extent(west, south, east, north),
                new ArrayList<>(dates), new ArrayList<>(networks), series.size(), readings);
    }

    public boolean isSeries() {
        return !dates.isEmpty();
    }
}
