package org.ssm.process;

import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.ssm.algorithms.validation.Metrics;
import org.ssm.algorithms.validation.StationValidation;
import org.ssm.algorithms.validation.ValidationResult;
import org.ssm.stations.Station;

/**
 * The metrics of each station as one WGS84 point feature, for maps of the metrics (paper B Fig.
 * 5): the station properties of SPEC §4 ({@code station}, {@code network}, {@code depth_from},
 * {@code depth_to}), {@code pairs} and the metrics against the product, {@code coarse_} ones against
 * the coarse product, and the gains {@code g_effi}, {@code g_prec}, {@code g_accu}, {@code g_down}
 * over {@code g_pairs} common dates. Undefined values are null.
 */
final class ValidationFeatures {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final String[] GAINS = {"g_effi", "g_prec", "g_accu", "g_down"};

    /** The feature type of the station metrics. */
    static final SimpleFeatureType TYPE = type();

    private ValidationFeatures() {}

    private static SimpleFeatureType type() {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.setName("validation");
        b.setCRS(DefaultGeographicCRS.WGS84);
        b.add("geometry", Point.class);
        b.add("station", String.class);
        b.add("network", String.class);
        b.add("depth_from", Double.class);
        b.add("depth_to", Double.class);
        b.add("pairs", Integer.class);
        for (String m : Metrics.NAMES) {
            b.add(m, Double.class);
        }
        b.add("coarse_pairs", Integer.class);
        for (String m : Metrics.NAMES) {
            b.add("coarse_" + m, Double.class);
        }
        b.add("g_pairs", Integer.class);
        for (String g : GAINS) {
            b.add(g, Double.class);
        }
        b.add("note", String.class);
        return b.buildFeatureType();
    }

    /** One feature per station, in input order. */
    static SimpleFeatureCollection of(ValidationResult result) {
        ListFeatureCollection features = new ListFeatureCollection(TYPE);
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(TYPE);
        int i = 0;
        for (StationValidation v : result.stations()) {
            Station st = v.station();
            fb.add(GEOMETRY.createPoint(new Coordinate(st.lon(), st.lat())));
            fb.add(st.id());
            fb.add(st.network());
            fb.add(st.depthFrom());
            fb.add(st.depthTo());
            fb.add(v.pairs());
            addAll(fb, v.product().metrics().values(), Metrics.NAMES.size());
            fb.add(v.coarse() == null ? null : v.coarse().pairs().size());
            addAll(fb, v.coarse() == null ? null : v.coarse().metrics().values(), Metrics.NAMES.size());
            fb.add(v.gain() == null ? null : (int) v.gain().pairs());
            addAll(fb, v.gain() == null ? null : new double[] {v.gain().gains().effi(), v.gain().gains().prec(),
                v.gain().gains().accu(), v.gain().gains().down()}, GAINS.length);
            fb.add(v.note().isEmpty() ? v.product().metrics().note() : v.note());
            features.add(fb.buildFeature("validation." + i++));
        }
        return features;
    }

    /** Adds {@code count} values, nulls when {@code values} is null. */
    private static void addAll(SimpleFeatureBuilder fb, double[] values, int count) {
        for (int k = 0; k < count; k++) {
            fb.add(values == null || !Double.isFinite(values[k]) ? null : values[k]);
        }
    }
}
