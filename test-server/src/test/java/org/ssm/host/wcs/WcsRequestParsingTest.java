package org.ssm.host.wcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.ssm.host.ows.OwsException;

/** The small parsers behind GetCoverage: subsets, scaling, CRS names, times and byte ranges. */
class WcsRequestParsingTest {

    @Test
    void parsesTrimsSlicesQuotesOpenEndsAndSubsetCrs() {
        DimensionSubset trim = DimensionSubset.parse("E(500000,510000.5)");
        assertEquals("E", trim.axis());
        assertEquals("500000", trim.low());
        assertEquals("510000.5", trim.high());
        assertFalse(trim.slice());

        DimensionSubset time = DimensionSubset.parse(" time( \"2021-04-01\" , * ) ");
        assertEquals("2021-04-01", time.low());
        assertNull(time.high());

        DimensionSubset slice = DimensionSubset.parse("time(\"2021-04-01T00:00:00Z\")");
        assertTrue(slice.slice());
        assertEquals("2021-04-01T00:00:00Z", slice.high());

        DimensionSubset withCrs = DimensionSubset.parse("Lat,http://www.opengis.net/def/crs/EPSG/0/4326(45,46)");
        assertEquals("Lat", withCrs.axis());
        assertEquals("http://www.opengis.net/def/crs/EPSG/0/4326", withCrs.crs());
        assertEquals("Lat,http://www.opengis.net/def/crs/EPSG/0/4326(45,46)", withCrs.toKvp());
    }

    @Test
    void refusesMalformedSubsets() {
        for (String bad : new String[] {"E", "E(1,2", "(1,2)", "E()", "E(1,2,3)", "E(1,)", "E(1,2)x"}) {
            OwsException e = assertThrows(OwsException.class, () -> DimensionSubset.parse(bad), bad);
            assertEquals("subset", e.locator(), bad);
        }
        assertEquals(DimensionSubset.INVALID_SUBSETTING,
                assertThrows(OwsException.class, () -> DimensionSubset.parse("E(*)")).code());
    }

    @Test
    void scalingDividesByFactorsOrSetsSizes() {
        assertArrayEquals(new int[] {20, 15}, Scaling.byFactor("scaleFactor", "2").apply(40, 30));
        assertArrayEquals(new int[] {80, 60}, Scaling.byFactor("scaleFactor", "0.5").apply(40, 30));
        assertArrayEquals(new int[] {10, 30}, Scaling.byAxisFactors("scaleAxes", "i(4)").apply(40, 30));
        assertArrayEquals(new int[] {7, 9}, Scaling.toSize("scaleSize", "E(7),N(9)").apply(40, 30));
        assertArrayEquals(new int[] {7, 9},
                Scaling.toSize("scaleSize", "http://www.opengis.net/def/axis/OGC/1/i(7),"
                        + "http://www.opengis.net/def/axis/OGC/1/j(9)").apply(40, 30));
        assertArrayEquals(new int[] {11, 30}, Scaling.toExtent("scaleExtent", "i(0:10)").apply(40, 30));
        assertThrows(OwsException.class, () -> Scaling.toSize("scaleSize", "i(10"));
        assertThrows(OwsException.class, () -> Scaling.byFactor("scaleFactor", "-1"));
    }

    @Test
    void readsTheCrsIdentifierForms() {
        for (String id : new String[] {"http://www.opengis.net/def/crs/EPSG/0/32633", "urn:ogc:def:crs:EPSG::32633",
            "EPSG:32633", "http://www.opengis.net/gml/srs/epsg.xml#32633"}) {
            assertEquals(32633, CoverageCrs.parse("outputCrs", id, "X").epsg(), id);
        }
        assertEquals(4326, CoverageCrs.parse("outputCrs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84", "X").epsg());
        CoverageCrs wgs84 = CoverageCrs.parse("outputCrs", "EPSG:4326", "X");
        assertEquals("45 10", wgs84.position(10, 45), "EPSG:4326 is written latitude first");
        assertTrue(wgs84.isYLabel("Lat") && wgs84.isXLabel("long") && !wgs84.isXLabel("E"));
        assertEquals("X", assertThrows(OwsException.class, () -> CoverageCrs.parse("outputCrs", "EPSG:0", "X")).code());
    }

    @Test
    void reducesTimesToTheirUtcDate() {
        assertEquals(LocalDate.of(2021, 4, 1), WcsTime.parse("2021-04-01"));
        assertEquals(LocalDate.of(2021, 4, 1), WcsTime.parse("2021-04-01T23:59:59Z"));
        assertEquals(LocalDate.of(2021, 3, 31), WcsTime.parse("2021-04-01T01:00:00+02:00"));
        assertEquals(LocalDate.of(2021, 4, 1), WcsTime.parse("2021-04-01T12:00:00"));
        assertEquals("2021-04-01T00:00:00Z", WcsTime.format(LocalDate.of(2021, 4, 1)));
    }

    @Test
    void parsesOneByteRange() {
        assertArrayEquals(new long[] {0, 99}, ByteRange.parse("bytes=0-99", 1000));
        assertArrayEquals(new long[] {900, 999}, ByteRange.parse("bytes=900-", 1000));
        assertArrayEquals(new long[] {950, 999}, ByteRange.parse("bytes=-50", 1000));
        assertArrayEquals(new long[] {990, 999}, ByteRange.parse("bytes=990-5000", 1000));
        assertEquals(0, ByteRange.parse("bytes=1000-", 1000).length);
        assertNull(ByteRange.parse(null, 1000));
        assertNull(ByteRange.parse("bytes=0-1,5-6", 1000), "several ranges: the whole file");
        assertNull(ByteRange.parse("items=0-1", 1000));
    }
}
