package org.ssm.host.wcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.wcs.WcsFixture.assertException;
import static org.ssm.host.wcs.WcsFixture.element;
import static org.ssm.host.wcs.WcsFixture.elements;
import static org.ssm.host.wcs.WcsFixture.numbers;
import static org.ssm.host.wcs.WcsFixture.text;
import static org.ssm.host.wcs.WcsFixture.xml;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssm.host.ows.Namespaces;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class DescribeCoverageTest extends WcsHostTestBase {

    private static final String WCS = Namespaces.WCS_20;
    private static final String GML = Namespaces.GML_32;
    private static final String SWE = Namespaces.SWE_20;


    private static Element describe(String id) throws Exception {
        Document d = xml(wcs.get("service=WCS&version=2.0.1&request=DescribeCoverage&coverageId=" + id));
        List<Element> list = elements(d, WCS, "CoverageDescription");
        assertEquals(1, list.size());
        assertEquals(id, text(list.get(0), WCS, "CoverageId"));
        return list.get(0);
    }

    @Test
    void describesAProjectedSeriesGridAndItsTimePeriod() throws Exception {
        Element c = describe("utm");
        Element env = element(c, GML, "EnvelopeWithTimePeriod");
        assertEquals("http://www.opengis.net/def/crs/EPSG/0/32633", env.getAttribute("srsName"));
        assertEquals("E N time", env.getAttribute("axisLabels"));
        assertEquals("m m s", env.getAttribute("uomLabels"));
        assertEquals("2", env.getAttribute("srsDimension"));
        assertArrayEquals(new double[] {500000, 4997000}, numbers(text(env, GML, "lowerCorner")), 0);
        assertArrayEquals(new double[] {504000, 5000000}, numbers(text(env, GML, "upperCorner")), 0);
        assertEquals("2021-04-01T00:00:00Z", text(env, GML, "beginPosition"));
        assertEquals("2021-04-03T00:00:00Z", text(env, GML, "endPosition"));

        Element grid = element(element(c, GML, "domainSet"), GML, "RectifiedGrid");
        assertEquals("2", grid.getAttribute("dimension"));
        assertArrayEquals(new double[] {0, 0}, numbers(text(grid, GML, "low")), 0);
        assertArrayEquals(new double[] {39, 29}, numbers(text(grid, GML, "high")), 0);
        assertEquals("i j", text(grid, GML, "axisLabels"));
        // The origin is the centre of the upper-left cell.
        assertArrayEquals(new double[] {500050, 4999950}, numbers(text(element(grid, GML, "origin"), GML, "pos")), 0);
        List<Element> offsets = elements(grid, GML, "offsetVector");
        assertEquals(2, offsets.size());
        assertArrayEquals(new double[] {100, 0}, numbers(offsets.get(0).getTextContent()), 0);
        assertArrayEquals(new double[] {0, -100}, numbers(offsets.get(1).getTextContent()), 0);

        List<String> times = elements(element(c, WcsXml.WCSGS, "TimeDomain"), GML, "timePosition").stream()
                .map(e -> e.getTextContent().strip()).toList();
        assertEquals(List.of("2021-04-01T00:00:00Z", "2021-04-02T00:00:00Z", "2021-04-03T00:00:00Z"), times);

        assertEquals("RectifiedGridCoverage", text(c, WCS, "CoverageSubtype"));
        assertEquals("image/tiff", text(c, WCS, "nativeFormat"));
    }

    @Test
    void describesTheRangeAsOneFloatField() throws Exception {
        Element c = describe("utm");
        List<Element> fields = elements(c, SWE, "field");
        assertEquals(1, fields.size());
        assertEquals(CoverageDescriber.FIELD, fields.get(0).getAttribute("name"));
        Element q = element(fields.get(0), SWE, "Quantity");
        assertEquals("http://www.opengis.net/def/dataType/OGC/0/float32", q.getAttribute("definition"));
        assertEquals("NaN", text(q, SWE, "nilValue"));
        assertEquals("m3 m-3", element(q, SWE, "uom").getAttribute("code"));
        // Values run from 0 to 2·10000 + 1199 over the three bands.
        assertArrayEquals(new double[] {0, 21199}, numbers(text(q, SWE, "interval")), 0);
    }

    @Test
    void describesAGeographicGridInLatitudeLongitudeOrder() throws Exception {
        Element c = describe("geo");
        Element env = element(c, GML, "EnvelopeWithTimePeriod");
        assertEquals("http://www.opengis.net/def/crs/EPSG/0/4326", env.getAttribute("srsName"));
        assertEquals("Lat Long time", env.getAttribute("axisLabels"));
        assertArrayEquals(new double[] {45.8, 10.0}, numbers(text(env, GML, "lowerCorner")), 1e-12);
        assertArrayEquals(new double[] {46.0, 10.5}, numbers(text(env, GML, "upperCorner")), 1e-12);
        Element grid = element(c, GML, "RectifiedGrid");
        assertArrayEquals(new double[] {49, 19}, numbers(text(grid, GML, "high")), 0);
        assertArrayEquals(new double[] {45.995, 10.005}, numbers(text(grid, GML, "pos")), 1e-12);
        // Offset vectors stay in grid-axis order (i: columns, then j: rows), each in lat/long order.
        List<Element> offsets = elements(grid, GML, "offsetVector");
        assertArrayEquals(new double[] {0, 0.01}, numbers(offsets.get(0).getTextContent()), 1e-15);
        assertArrayEquals(new double[] {-0.01, 0}, numbers(offsets.get(1).getTextContent()), 1e-15);
    }

    @Test
    void describesAnUndatedLayerWithAPlainEnvelope() throws Exception {
        Element c = describe("dem");
        assertTrue(elements(c, GML, "EnvelopeWithTimePeriod").isEmpty());
        assertEquals("E N", element(c, GML, "Envelope").getAttribute("axisLabels"));
        assertTrue(elements(c, WcsXml.WCSGS, "TimeDomain").isEmpty());
        assertEquals("m", element(c, SWE, "uom").getAttribute("code"));
    }

    @Test
    void describesSeveralCoveragesGivenAsAList() throws Exception {
        Document d = xml(wcs.get("service=WCS&version=2.0.1&request=DescribeCoverage&coverageId=geo,dem"));
        List<String> ids = elements(d, WCS, "CoverageId").stream().map(e -> e.getTextContent().strip()).toList();
        assertEquals(List.of("geo", "dem"), ids);
    }

    @Test
    void answersAnXmlPostRequest() throws Exception {
        Document d = xml(wcs.postResource("/wcs", "DescribeCoverage.xml"));
        List<String> ids = elements(d, WCS, "CoverageId").stream().map(e -> e.getTextContent().strip()).toList();
        assertEquals(List.of("utm", "geo"), ids);
    }

    @Test
    void reportsAnUnknownCoverage() throws Exception {
        assertException(wcs.get("service=WCS&version=2.0.1&request=DescribeCoverage&coverageId=utm,nope"), 404,
                "NoSuchCoverage", "coverageId");
    }
}
