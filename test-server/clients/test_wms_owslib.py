#!/usr/bin/python3
"""WMS 1.3.0 of the SSM host as OWSLib sees it.

Run with Debian's /usr/bin/python3 (python3-owslib). Environment:
  SSM_BASE_URL     base URL of the host, e.g. http://localhost:8080
  SSM_LAYER        a time-enabled (series) layer
  SSM_LAYER_DATES  the layer's dates, a comma list of ISO dates
  SSM_STATION_LAYER   a station layer (points)
  SSM_STATION         the id of one of its stations
  SSM_STATION_LONLAT  that station's position, "lon,lat" in degrees
  SSM_STATION_RGB     the colour of its network, RRGGBB
  SSM_BAND_LAYER   optional: an undated layer with a band dimension (several named bands), whose bands
                   differ everywhere at the centre of its box
  SSM_BAND_NAMES   its band names, a comma list

PNGs are decoded with zlib and struct, so PIL is not needed. Exits non-zero on any failure.
"""

import datetime
import json
import math
import os
import struct
import sys
import unittest
import urllib.request
import zlib

from owslib.util import ServiceException
from owslib.wms import WebMapService

BASE = os.environ["SSM_BASE_URL"].rstrip("/")
LAYER = os.environ["SSM_LAYER"]
DATES = [d.strip() for d in os.environ["SSM_LAYER_DATES"].split(",") if d.strip()]
COMMON_CRS = ("CRS:84", "EPSG:4326", "EPSG:3857")
SIZE = (256, 192)
STATION_LAYER = os.environ["SSM_STATION_LAYER"]
STATION = os.environ["SSM_STATION"]
STATION_LONLAT = tuple(float(v) for v in os.environ["SSM_STATION_LONLAT"].split(","))
STATION_RGB = tuple(int(os.environ["SSM_STATION_RGB"][k:k + 2], 16) for k in (0, 2, 4))
R = 6378137.0
BAND_LAYER = os.environ.get("SSM_BAND_LAYER")
BAND_NAMES = [b for b in os.environ.get("SSM_BAND_NAMES", "").split(",") if b]


def expand_times(positions):
    """Time positions as a flat list of dates; a start/end/PnD interval is expanded."""
    out = []
    for p in positions or []:
        p = p.strip()
        if "/" in p:
            start, end, period = p.split("/")
            if not (period.startswith("P") and period.endswith("D")):
                raise AssertionError("unexpected period %r" % period)
            step = datetime.timedelta(days=int(period[1:-1]))
            d = datetime.date.fromisoformat(start[:10])
            last = datetime.date.fromisoformat(end[:10])
            while d <= last:
                out.append(d.isoformat())
                d += step
        else:
            out.append(p[:10])
    return out


def decode_png(data):
    """(width, height, rows of (r, g, b, a) tuples) of an 8-bit PNG of any colour type."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise AssertionError("not a PNG: %r" % data[:64])
    pos = 8
    idat = b""
    palette = []
    trns = b""
    width = height = depth = ctype = None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or interlace != 0:
                raise AssertionError("only 8-bit non-interlaced PNGs are decoded here (depth %d)" % depth)
        elif kind == b"PLTE":
            palette = [tuple(body[i:i + 3]) for i in range(0, len(body), 3)]
        elif kind == b"tRNS":
            trns = body
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ctype]
    raw = zlib.decompress(idat)
    stride = width * channels
    rows = []
    prev = bytearray(stride)
    i = 0
    for _ in range(height):
        ftype = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 0xFF
            elif ftype == 2:
                line[x] = (line[x] + b) & 0xFF
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
        prev = line
        pixels = []
        for x in range(width):
            px = line[x * channels:(x + 1) * channels]
            if ctype == 6:
                pixels.append(tuple(px))
            elif ctype == 2:
                pixels.append((px[0], px[1], px[2], 255))
            elif ctype == 0:
                pixels.append((px[0], px[0], px[0], 255))
            elif ctype == 4:
                pixels.append((px[0], px[0], px[0], px[1]))
            else:
                r, g, b = palette[px[0]]
                pixels.append((r, g, b, trns[px[0]] if px[0] < len(trns) else 255))
        rows.append(pixels)
    return width, height, rows


class WmsOwsLibTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.wms = WebMapService(BASE + "/wms", version="1.3.0")

    def layer(self):
        self.assertIn(LAYER, list(self.wms.contents), "layer not in the capabilities")
        return self.wms[LAYER]

    def test_service_and_operations(self):
        self.assertEqual(self.wms.identification.type, "WMS")
        self.assertEqual(self.wms.identification.version, "1.3.0")
        getmap = self.wms.getOperationByName("GetMap")
        self.assertIn("image/png", getmap.formatOptions)
        self.assertIn("image/jpeg", getmap.formatOptions)

    def test_layer_is_listed_with_its_dates_as_time_positions(self):
        layer = self.layer()
        self.assertEqual(expand_times(layer.timepositions), DATES)
        self.assertEqual(layer.defaulttimeposition[:10], DATES[-1])
        for crs in COMMON_CRS:
            self.assertIn(crs, layer.crsOptions)
        self.assertIsNotNone(layer.boundingBoxWGS84)
        west, south, east, north = layer.boundingBoxWGS84
        self.assertTrue(-180 <= west < east <= 180 and -90 <= south < north <= 90, layer.boundingBoxWGS84)

    def box(self, crs):
        for entry in self.layer().crs_list:
            if entry[4] == crs:
                return entry[:4]  # OWSLib gives x-first boxes whatever the axis order
        self.fail("no BoundingBox for %s" % crs)

    def assert_map_not_blank(self, crs):
        img = self.wms.getmap(layers=[LAYER], styles=[""], srs=crs, bbox=self.box(crs), size=SIZE,
                              format="image/png", transparent=True, time=DATES[0])
        data = img.read()
        width, height, rows = decode_png(data)
        self.assertEqual((width, height), SIZE, crs)
        colours = set(px for row in rows for px in row)
        opaque = sum(1 for row in rows for px in row if px[3] > 0)
        self.assertGreater(len(colours), 1, "%s: the map has a single colour" % crs)
        self.assertGreater(opaque, width * height // 10, "%s: the map is (nearly) all transparent" % crs)

    def test_getmap_png_in_epsg4326(self):
        self.assert_map_not_blank("EPSG:4326")

    def test_getmap_png_in_epsg3857(self):
        self.assert_map_not_blank("EPSG:3857")

    def test_getmap_png_in_the_native_crs(self):
        native = [c for c in self.layer().crsOptions if c not in COMMON_CRS]
        if not native:
            self.skipTest("the layer's native CRS is one of the common ones")
        self.assert_map_not_blank(native[0])

    def test_legend_is_a_png(self):
        styles = self.layer().styles
        self.assertTrue(styles, "no style advertised")
        legend = next(iter(styles.values())).get("legend")
        self.assertTrue(legend, "no LegendURL")
        with urllib.request.urlopen(legend, timeout=60) as r:
            width, height, rows = decode_png(r.read())
        self.assertGreater(len(set(px for row in rows for px in row)), 1, "blank legend")

    def feature_info(self, crs, time=None):
        """The GetFeatureInfo JSON of the centre pixel of a map of the whole layer in `crs`."""
        answer = self.wms.getfeatureinfo(layers=[LAYER], styles=[""], srs=crs, bbox=self.box(crs), size=SIZE,
                                         format="image/png", query_layers=[LAYER], info_format="application/json",
                                         xy=(SIZE[0] // 2, SIZE[1] // 2), time=time)
        doc = json.loads(answer.read())
        self.assertEqual(doc["type"], "FeatureCollection")
        self.assertEqual(len(doc["features"]), 1, "no feature at the centre of the layer in %s" % crs)
        return doc["features"][0]["properties"]

    def test_getfeatureinfo_gives_the_series_at_a_point(self):
        self.assertEqual(self.layer().queryable, 1)
        self.assertIn("application/json", self.wms.getOperationByName("GetFeatureInfo").formatOptions)
        props = self.feature_info("EPSG:4326", time=DATES[0])
        self.assertEqual(props["layer"], LAYER)
        self.assertEqual(props["time"], DATES[0])
        self.assertEqual(props["series"]["dates"], DATES)
        self.assertEqual(len(props["series"]["values"]), len(DATES))
        self.assertEqual(props["value"], props["series"]["values"][0])
        # The same cell whichever CRS the map is in: OWSLib swaps the EPSG:4326 box to latitude first.
        for crs in ("CRS:84", "EPSG:3857"):
            other = self.feature_info(crs, time=DATES[0])
            self.assertEqual((other["col"], other["row"]), (props["col"], props["row"]), crs)

    def station_pixel(self, crs):
        """(box, (x, y) pixel of the station) on a SIZE map of the station layer's box in `crs`."""
        box = None
        for entry in self.wms[STATION_LAYER].crs_list:
            if entry[4] == crs:
                box = entry[:4]
        self.assertIsNotNone(box, "no BoundingBox for %s" % crs)
        lon, lat = STATION_LONLAT
        if crs == "EPSG:3857":
            x, y = R * math.radians(lon), R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
        else:
            x, y = lon, lat
        minx, miny, maxx, maxy = box
        return box, ((x - minx) / (maxx - minx) * SIZE[0], (maxy - y) / (maxy - miny) * SIZE[1])

    def test_station_layer_is_listed_with_its_dates(self):
        self.assertIn(STATION_LAYER, list(self.wms.contents))
        layer = self.wms[STATION_LAYER]
        self.assertIn("stations", layer.keywords)
        self.assertEqual(layer.queryable, 1)
        self.assertTrue(expand_times(layer.timepositions), "no TIME dimension")
        west, south, east, north = layer.boundingBoxWGS84
        lon, lat = STATION_LONLAT
        self.assertTrue(west < lon < east and south < lat < north, layer.boundingBoxWGS84)
        for crs in COMMON_CRS:
            self.assertIn(crs, layer.crsOptions)
        self.assertIn("stations", layer.styles)

    def test_station_is_drawn_in_its_network_colour(self):
        for crs in ("EPSG:4326", "EPSG:3857"):
            box, (x, y) = self.station_pixel(crs)
            img = self.wms.getmap(layers=[STATION_LAYER], styles=[""], srs=crs, bbox=box, size=SIZE,
                                  format="image/png", transparent=True)
            width, height, rows = decode_png(img.read())
            self.assertEqual(rows[int(y)][int(x)], STATION_RGB + (255,), "%s: pixel %.1f, %.1f" % (crs, x, y))

    def test_getfeatureinfo_on_the_station_gives_its_readings(self):
        box, (x, y) = self.station_pixel("EPSG:3857")
        answer = self.wms.getfeatureinfo(layers=[STATION_LAYER], styles=[""], srs="EPSG:3857", bbox=box, size=SIZE,
                                         format="image/png", query_layers=[STATION_LAYER],
                                         info_format="application/json", xy=(int(x), int(y)))
        doc = json.loads(answer.read())
        self.assertTrue(doc["features"], "no station at pixel %.1f, %.1f" % (x, y))
        props = doc["features"][0]["properties"]
        self.assertEqual(props["station"], STATION)
        self.assertEqual(len(props["series"]["dates"]), len(props["series"]["values"]))
        self.assertTrue(any(v is not None for v in props["series"]["values"]))

    def band_map(self, band=None):
        """The centre pixel of a map of the whole band layer in EPSG:4326, with DIM_BAND `band` if given."""
        layer = self.wms[BAND_LAYER]
        box = [e[:4] for e in layer.crs_list if e[4] == "EPSG:4326"][0]
        img = self.wms.getmap(layers=[BAND_LAYER], styles=[""], srs="EPSG:4326", bbox=box, size=SIZE,
                              format="image/png", transparent=True,
                              dimensions={} if band is None else {"band": band})
        width, height, rows = decode_png(img.read())
        return rows[height // 2][width // 2]

    @unittest.skipUnless(BAND_LAYER, "no SSM_BAND_LAYER")
    def test_band_dimension_is_parsed_and_dim_band_picks_the_band(self):
        dim = self.wms[BAND_LAYER].dimensions.get("band")
        self.assertIsNotNone(dim, "no band dimension in %s" % self.wms[BAND_LAYER].dimensions)
        self.assertEqual(dim["values"], BAND_NAMES)
        self.assertEqual(dim["default"], BAND_NAMES[0])
        self.assertIsNone(self.layer().dimensions.get("band"), "a series has no band dimension")
        first = self.band_map()
        self.assertEqual(first[3], 255, "the centre of the band layer is not drawn")
        self.assertEqual(self.band_map(BAND_NAMES[0]), first, "the default is the first band")
        second = self.band_map(BAND_NAMES[1])
        self.assertNotEqual(second, first, "the second band is drawn like the first")
        self.assertEqual(self.band_map("2"), second, "a band by its number")
        with self.assertRaises(ServiceException) as ctx:
            self.band_map("no_such_band")
        self.assertIn("InvalidDimensionValue", str(ctx.exception))
        self.assertIn("no_such_band", str(ctx.exception))

    @unittest.skipUnless(BAND_LAYER, "no SSM_BAND_LAYER")
    def test_getfeatureinfo_gives_every_band(self):
        layer = self.wms[BAND_LAYER]
        box = [e[:4] for e in layer.crs_list if e[4] == "EPSG:4326"][0]
        answer = self.wms.getfeatureinfo(layers=[BAND_LAYER], styles=[""], srs="EPSG:4326", bbox=box, size=SIZE,
                                         format="image/png", query_layers=[BAND_LAYER],
                                         info_format="application/json", xy=(SIZE[0] // 2, SIZE[1] // 2),
                                         dimensions={"band": BAND_NAMES[1]})
        props = json.loads(answer.read())["features"][0]["properties"]
        self.assertEqual(list(props["bands"]), BAND_NAMES)
        self.assertEqual(props["band"], BAND_NAMES[1])
        self.assertEqual(props["value"], props["bands"][BAND_NAMES[1]])

    def test_unknown_layer_is_a_service_exception(self):
        with self.assertRaises(ServiceException) as ctx:
            self.wms.getmap(layers=["no_such_layer"], styles=[""], srs="EPSG:4326", bbox=(-10, -10, 10, 10),
                            size=(64, 64), format="image/png")
        self.assertIn("LayerNotDefined", str(ctx.exception))

    def test_date_outside_the_layer_is_a_service_exception(self):
        with self.assertRaises(ServiceException) as ctx:
            self.wms.getmap(layers=[LAYER], styles=[""], srs="EPSG:4326", bbox=self.box("EPSG:4326"),
                            size=(64, 64), format="image/png", time="1900-01-01")
        self.assertIn("InvalidDimensionValue", str(ctx.exception))


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
