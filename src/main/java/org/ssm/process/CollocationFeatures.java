package org.ssm.process;

import java.util.function.ToDoubleFunction;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.ssm.algorithms.collocation.MemberEstimate;
import org.ssm.algorithms.collocation.Product;
import org.ssm.algorithms.collocation.ScreeningResult;
import org.ssm.algorithms.collocation.StationAssessment;
import org.ssm.stations.Station;

/**
 * The assessment of each station as one WGS84 point feature: the station properties of SPEC §4
 * ({@code station}, {@code network}, {@code depth_from}, {@code depth_to}) and the triple-collocation
 * results as {@code tc_} attributes, for maps of sensor reliability. Missing estimates are null.
 */
final class CollocationFeatures {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private record Metric(String name, ToDoubleFunction<MemberEstimate> value) {}

    private static final Metric[] METRICS = {
        new Metric("err_var", MemberEstimate::errorVariance),
        new Metric("err_std", MemberEstimate::scaledErrorStd),
        new Metric("beta", MemberEstimate::scaling),
        new Metric("snr_db", MemberEstimate::snrDb),
        new Metric("rho2", MemberEstimate::rho2)
    };

    /** The feature type of the assessment output. */
    static final SimpleFeatureType TYPE = type();

    private CollocationFeatures() {}

    private static SimpleFeatureType type() {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.setName("tc_assessment");
        b.setCRS(DefaultGeographicCRS.WGS84);
        b.add("geometry", Point.class);
        b.add("station", String.class);
        b.add("network", String.class);
        b.add("depth_from", Double.class);
        b.add("depth_to", Double.class);
        b.add("tc_triplets", Integer.class);
        b.add("tc_first_date", String.class);
        b.add("tc_last_date", String.class);
        b.add("tc_flagged", Boolean.class);
        b.add("tc_reason", String.class);
        b.add("tc_detail", String.class);
        b.add("tc_scaling_reference", String.class);
        for (Metric m : METRICS) {
            for (Product p : Product.values()) {
                b.add("tc_" + m.name() + "_" + p.label(), Double.class);
            }
        }
        return b.buildFeatureType();
    }

    /** One feature per station, in input order. */
    static SimpleFeatureCollection of(ScreeningResult result) {
        ListFeatureCollection features = new ListFeatureCollection(TYPE);
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(TYPE);
        int i = 0;
        for (StationAssessment a : result.stations()) {
            Station st = a.station().station();
            fb.add(GEOMETRY.createPoint(new Coordinate(st.lon(), st.lat())));
            fb.add(st.id());
            fb.add(st.network());
            fb.add(st.depthFrom());
            fb.add(st.depthTo());
            fb.add(a.triplets());
            fb.add(a.firstDate() == null ? null : a.firstDate().toString());
            fb.add(a.lastDate() == null ? null : a.lastDate().toString());
            fb.add(!a.kept());
            fb.add(a.kept() ? null : a.verdict().code());
            fb.add(a.detail());
            fb.add(result.parameters().scalingReference().label());
            for (Metric m : METRICS) {
                for (Product p : Product.values()) {
                    double v = a.estimate() == null ? Double.NaN : m.value().applyAsDouble(a.estimate().member(p.index()));
                    fb.add(Double.isFinite(v) ? v : null);
                }
            }
            features.add(fb.buildFeature("tc." + i++));
        }
        return features;
    }
}
