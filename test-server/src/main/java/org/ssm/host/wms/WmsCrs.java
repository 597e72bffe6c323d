package org.ssm.host.wms;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.CRS;
import org.ssm.grid.GridGeometry;
import org.ssm.io.Crs;

/**
 * A CRS named in a WMS request, with the axis order its coordinates are written in.
 *
 * <p>WMS 1.3.0 writes coordinates in the CRS's own axis order: {@code EPSG:4326} is latitude then
 * longitude, {@code CRS:84} longitude then latitude, projected CRSs such as {@code EPSG:3857} or
 * {@code EPSG:32633} easting then northing. WMS 1.1.1 always writes x (easting, longitude) first.
 * Inside the host every CRS is used with x first, like the grid model; {@link #yx()} says whether the
 * request's numbers must be swapped to get there.
 *
 * @param code the identifier as the client wrote it
 * @param xy the CRS with x (easting or longitude) first
 * @param yx whether the request writes y (northing or latitude) first
 */
public record WmsCrs(String code, CoordinateReferenceSystem xy, boolean yx) {

    private static final Pattern EPSG = Pattern.compile(
            "(?:EPSG:|URN:OGC:DEF:CRS:EPSG:[0-9.]*:|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/[0-9.]+/)([0-9]{1,9})");
    private static final Pattern CRS84 = Pattern.compile(
            "CRS:84|URN:OGC:DEF:CRS:OGC:1\\.3:CRS84|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/OGC/1\\.3/CRS84");
    private static final Map<String, WmsCrs> DECODED = new ConcurrentHashMap<>();
    private static final Map<String, CoordinateReferenceSystem> NATIVE = new ConcurrentHashMap<>();
    private static final Map<String, MathTransform> TRANSFORMS = new ConcurrentHashMap<>();

    /**
     * The CRS named by {@code code}.
     *
     * @param wms13 whether the request follows WMS 1.3.0 axis order (else 1.1.1: x first always)
     * @throws org.ssm.host.ows.OwsException InvalidCRS naming {@code locator} if the code is unknown
     */
    static WmsCrs parse(String code, String locator, boolean wms13) {
        String key = code.strip().toUpperCase(Locale.ROOT);
        WmsCrs known = DECODED.get(key);
        if (known == null) {
            known = decode(code.strip(), key, locator);
            DECODED.put(key, known);
        }
        boolean yx = wms13 && known.yx;
        return new WmsCrs(code.strip(), known.xy, yx);
    }

    private static WmsCrs decode(String code, String key, String locator) {
        if (CRS84.matcher(key).matches()) {
            return new WmsCrs(code, Crs.decode(locator, "EPSG:4326"), false);
        }
        Matcher m = EPSG.matcher(key);
        if (!m.matches()) {
            throw WmsErrors.invalidCrs(locator, "CRS '" + code + "' is not supported: use an EPSG code such as"
                    + " EPSG:4326, EPSG:3857 or the layer's native CRS, or CRS:84");
        }
        String epsg = "EPSG:" + Integer.parseInt(m.group(1));
        try {
            CoordinateReferenceSystem authority = CRS.decode(epsg, false);
            CoordinateReferenceSystem xy = CRS.decode(epsg, true);
            return new WmsCrs(code, xy, CRS.getAxisOrder(authority) == CRS.AxisOrder.NORTH_EAST);
        } catch (FactoryException | RuntimeException e) {
            throw WmsErrors.invalidCrs(locator, "CRS '" + code + "' is not a known EPSG code");
        }
    }

    /** The CRS of a layer's grid, x first. */
    static CoordinateReferenceSystem ofGrid(GridGeometry grid) {
        return NATIVE.computeIfAbsent(grid.crs(), c -> Crs.decode("crs", c));
    }

    /** The code to advertise for a layer's native CRS ("EPSG:n"), or {@code null} when it has none. */
    static String codeOfGrid(GridGeometry grid) {
        int epsg = Crs.epsgCode(grid.crs());
        if (epsg > 0) {
            return "EPSG:" + epsg;
        }
        String encoded = Crs.encode(ofGrid(grid));
        return encoded.startsWith("EPSG:") ? encoded : null;
    }

    /** The transform between two x-first CRSs, cached; {@code null} when they are the same CRS. */
    static MathTransform transform(CoordinateReferenceSystem from, String fromKey, CoordinateReferenceSystem to,
            String toKey) throws FactoryException {
        if (CRS.equalsIgnoreMetadata(from, to)) {
            return null;
        }
        String key = fromKey + "\u0000" + toKey;
        MathTransform mt = TRANSFORMS.get(key);
        if (mt == null) {
            // Lenient: a datum shift without Bursa-Wolf parameters is a few metres off, not an error on a map.
            mt = CRS.findMathTransform(from, to, true);
            TRANSFORMS.put(key, mt);
        }
        return mt;
    }

    /** The extent of {@code grid} in {@code target}, densified along its edges; {@code null} if it fails. */
    static ReferencedEnvelope extentIn(GridGeometry grid, CoordinateReferenceSystem target) {
        try {
            ReferencedEnvelope env = new ReferencedEnvelope(grid.minX(), grid.maxX(), grid.minY(), grid.maxY(),
                    ofGrid(grid));
            if (CRS.equalsIgnoreMetadata(env.getCoordinateReferenceSystem(), target)) {
                return new ReferencedEnvelope(env, target);
            }
            ReferencedEnvelope out = env.transform(target, true, 16);
            return Double.isFinite(out.getMinX()) && Double.isFinite(out.getMaxX()) && Double.isFinite(out.getMinY())
                    && Double.isFinite(out.getMaxY()) ? out : null;
        } catch (Exception e) {
            return null;
        }
    }
}
