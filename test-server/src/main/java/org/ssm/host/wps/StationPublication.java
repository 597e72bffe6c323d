package org.ssm.host.wps;

import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.feature.type.GeometryDescriptor;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Which feature outputs are station readings, to be published as station layers: point features with
 * the {@code station}, {@code time} and {@code sm} properties of SPEC §4. Other feature outputs (e.g.
 * one assessment point per station, without readings) are stored but not published.
 */
final class StationPublication {

    private StationPublication() {}

    static boolean isStations(SimpleFeatureCollection features) {
        SimpleFeatureType type = features.getSchema();
        GeometryDescriptor geometry = type.getGeometryDescriptor();
        if (geometry == null || type.getDescriptor("station") == null || type.getDescriptor("time") == null
                || type.getDescriptor("sm") == null) {
            return false;
        }
        Class<?> binding = geometry.getType().getBinding();
        // Decoded GeoJSON declares Geometry; its features are then checked one by one when published.
        return Point.class.isAssignableFrom(binding) || binding == Geometry.class;
    }
}
