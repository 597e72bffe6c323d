package org.ssm.host.wcs;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.GeographicCRS;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.referencing.CRS;
import org.ssm.core.ParameterException;
import org.ssm.host.ows.OwsException;
import org.ssm.io.Crs;

/**
 * A coordinate reference system as WCS 2.0 clients see it: an EPSG code written as an OGC URI,
 * axis labels in the order EPSG defines (Lat Long for EPSG:4326, E N for most projections) and
 * their units, besides the x-first GeoTools CRS that the grid model computes in.
 *
 * <p>Clients are told the EPSG axis order because GML positions follow it, and GDAL swaps
 * coordinates exactly when EPSG says the CRS is northing/latitude first.
 */
public final class CoverageCrs {

    /** The OGC URI prefix of EPSG codes, as in {@code http://www.opengis.net/def/crs/EPSG/0/4326}. */
    public static final String EPSG_URI = "http://www.opengis.net/def/crs/EPSG/0/";

    private static final Pattern[] CODE_FORMS = {
        Pattern.compile("^https?://www\\.opengis\\.net/def/crs/EPSG/[^/]+/(\\d+)$"),
        Pattern.compile("^urn:ogc:def:crs:EPSG:[^:]*:(\\d+)$"),
        Pattern.compile("^EPSG:(\\d+)$"),
        Pattern.compile("^https?://www\\.opengis\\.net/gml/srs/epsg\\.xml#(\\d+)$"),
    };
    private static final Pattern CRS84 = Pattern.compile(
            "^(CRS:84|OGC:CRS84|urn:ogc:def:crs:OGC:[^:]*:CRS84|https?://www\\.opengis\\.net/def/crs/OGC/[^/]+/CRS84)$");

    /** Decoded CRSs by EPSG code: every request describes its coverage's CRS, and codes are few. */
    private static final Map<Integer, CoverageCrs> BY_CODE = new ConcurrentHashMap<>();

    /** WGS 84 longitude/latitude, the CRS of Lat/Long subsets on projected coverages. */
    public static final CoverageCrs WGS84 = ofCode(4326);

    private final int epsg;
    private final CoordinateReferenceSystem crs;
    private final boolean geographic;
    private final boolean northFirst;
    private final String unit;

    private CoverageCrs(int epsg, CoordinateReferenceSystem crs, boolean northFirst) {
        this.epsg = epsg;
        this.crs = crs;
        this.geographic = crs instanceof GeographicCRS;
        this.northFirst = northFirst;
        this.unit = geographic ? "deg" : unitOf(crs);
    }

    /** The CRS of a grid (an {@code EPSG:n} code or WKT, as {@link org.ssm.grid.GridGeometry#crs()} holds it). */
    public static CoverageCrs ofGrid(String gridCrs) {
        int code = Crs.epsgCode(gridCrs);
        if (code > 0) {
            return ofCode(code);
        }
        CoordinateReferenceSystem decoded = Crs.decode("crs", gridCrs);
        String encoded = Crs.encode(decoded);
        int found = Crs.epsgCode(encoded);
        return found > 0 ? ofCode(found) : new CoverageCrs(-1, decoded, false);
    }

    /**
     * The CRS named by a request parameter: an OGC URI, a URN, {@code EPSG:n} or CRS84.
     *
     * @param parameter the request parameter, used as locator
     * @param code the exception code to report for an unknown CRS (the CRS extension has one per
     *     parameter)
     */
    public static CoverageCrs parse(String parameter, String identifier, String code) {
        String text = identifier == null ? "" : identifier.strip();
        if (CRS84.matcher(text).matches()) {
            return WGS84;
        }
        for (Pattern form : CODE_FORMS) {
            Matcher m = form.matcher(text);
            if (m.matches()) {
                try {
                    return ofCode(Integer.parseInt(m.group(1)));
                } catch (ParameterException | NumberFormatException e) {
                    break;
                }
            }
        }
        throw new OwsException(code, parameter, parameter + "=" + identifier + ": expected an EPSG CRS known to this"
                + " server, written " + EPSG_URI + "<code> (or urn:ogc:def:crs:EPSG::<code>, EPSG:<code>)");
    }

    private static CoverageCrs ofCode(int code) {
        CoverageCrs known = BY_CODE.get(code);
        if (known != null) {
            return known;
        }
        CoverageCrs crs = decodeCode(code);
        BY_CODE.putIfAbsent(code, crs);
        return crs;
    }

    private static CoverageCrs decodeCode(int code) {
        CoordinateReferenceSystem xFirst = Crs.decode("crs", "EPSG:" + code);
        boolean northFirst;
        try {
            CRS.AxisOrder order = CRS.getAxisOrder(CRS.decode("EPSG:" + code, false));
            northFirst = order == CRS.AxisOrder.NORTH_EAST;
        } catch (FactoryException e) {
            throw new ParameterException("crs", "EPSG:" + code, "a CRS in the EPSG database");
        }
        return new CoverageCrs(code, xFirst, northFirst);
    }

    private static String unitOf(CoordinateReferenceSystem crs) {
        Object u = crs.getCoordinateSystem().getAxis(0).getUnit();
        String text = u == null ? "" : u.toString();
        return text.isBlank() ? "m" : text;
    }

    /** The EPSG code, or -1 for a CRS that has none. */
    public int epsg() {
        return epsg;
    }

    /** The OGC URI, e.g. {@code http://www.opengis.net/def/crs/EPSG/0/32633}; null without an EPSG code. */
    public String uri() {
        return epsg > 0 ? EPSG_URI + epsg : null;
    }

    /** The GeoTools CRS with x (easting or longitude) first, as the grid model uses. */
    public CoordinateReferenceSystem crs() {
        return crs;
    }

    public boolean isGeographic() {
        return geographic;
    }

    /** Label of the x (easting or longitude) axis. */
    public String xLabel() {
        return geographic ? "Long" : "E";
    }

    /** Label of the y (northing or latitude) axis. */
    public String yLabel() {
        return geographic ? "Lat" : "N";
    }

    /** The axis labels in the CRS's own (EPSG) order. */
    public List<String> axisLabels() {
        return northFirst ? List.of(yLabel(), xLabel()) : List.of(xLabel(), yLabel());
    }

    /** The unit labels matching {@link #axisLabels()}. */
    public List<String> uomLabels() {
        return List.of(unit, unit);
    }

    /** A position written in the CRS's axis order, as GML wants it. */
    public String position(double x, double y) {
        return northFirst ? Numbers.format(y) + " " + Numbers.format(x) : Numbers.format(x) + " " + Numbers.format(y);
    }

    /** Whether the label names this CRS's x axis (its own label, or "x"); case-insensitive. */
    public boolean isXLabel(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        return l.equals("x") || (geographic ? isLongitude(l) : l.equals("e") || l.equals("easting"));
    }

    /** Whether the label names this CRS's y axis (its own label, or "y"); case-insensitive. */
    public boolean isYLabel(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        return l.equals("y") || (geographic ? isLatitude(l) : l.equals("n") || l.equals("northing"));
    }

    static boolean isLongitude(String lowerCaseLabel) {
        return lowerCaseLabel.equals("long") || lowerCaseLabel.equals("lon") || lowerCaseLabel.equals("longitude");
    }

    static boolean isLatitude(String lowerCaseLabel) {
        return lowerCaseLabel.equals("lat") || lowerCaseLabel.equals("latitude");
    }

    /** Whether both name the same CRS. */
    public boolean sameAs(CoverageCrs other) {
        if (epsg > 0 && other.epsg > 0) {
            return epsg == other.epsg;
        }
        return CRS.equalsIgnoreMetadata(crs, other.crs);
    }

    /** The map from coordinates in this CRS to coordinates in {@code target} (both x first). */
    public MathTransform transformTo(CoverageCrs target) {
        try {
            return CRS.findMathTransform(crs, target.crs, true);
        } catch (FactoryException e) {
            throw new OwsException(OwsException.NO_APPLICABLE_CODE, null, "no transformation from " + describe()
                    + " to " + target.describe() + ": " + e.getMessage());
        }
    }

    /**
     * The bounding box in {@code target} of the box {minX, minY, maxX, maxY} in this CRS, sampled on
     * a 21 × 21 lattice so that curved edges and interior extremes are caught. Points that do not
     * transform (outside a projection's domain) are left out.
     *
     * @return {minX, minY, maxX, maxY}, or null when no point transforms
     */
    public double[] transformBox(double[] box, CoverageCrs target) {
        if (sameAs(target)) {
            return box.clone();
        }
        MathTransform mt = transformTo(target);
        int n = 21;
        double[] pts = new double[2 * n * n];
        int k = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                pts[k++] = box[0] + (box[2] - box[0]) * i / (n - 1);
                pts[k++] = box[1] + (box[3] - box[1]) * j / (n - 1);
            }
        }
        double[] out = new double[4];
        out[0] = out[1] = Double.POSITIVE_INFINITY;
        out[2] = out[3] = Double.NEGATIVE_INFINITY;
        double[] p = new double[2];
        for (int i = 0; i < n * n; i++) {
            try {
                mt.transform(pts, 2 * i, p, 0, 1);
            } catch (TransformException e) {
                continue;
            }
            if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                out[0] = Math.min(out[0], p[0]);
                out[1] = Math.min(out[1], p[1]);
                out[2] = Math.max(out[2], p[0]);
                out[3] = Math.max(out[3], p[1]);
            }
        }
        return out[0] <= out[2] && out[1] <= out[3] ? out : null;
    }

    /** "EPSG:n", or the CRS name, for messages. */
    public String describe() {
        return epsg > 0 ? "EPSG:" + epsg : crs.getName().toString();
    }
}
