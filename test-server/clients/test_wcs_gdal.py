#!/usr/bin/python3
"""GDAL against the host's WCS 2.0.1: the real-client acceptance test.

Run with Debian's /usr/bin/python3 (python3-gdal). Environment:

  SSM_BASE_URL      the host, e.g. http://localhost:8080
  SSM_LAYER         a series layer (coverage id)
  SSM_LAYER_CRS     its native CRS, e.g. EPSG:32633
  SSM_LAYER_EXTENT  minx,miny,maxx,maxy in that CRS (x = easting or longitude)
  SSM_LAYER_DATES   its dates, comma separated (2021-04-01,2021-04-02,...)

It checks that GDAL reads GetCoverage URLs directly (/vsicurl/ and the plain URL) with the right
CRS, extent and bands, that a one-date time subset gives one band, that an E/N (or Long/Lat)
subset is snapped to whole cells, and that GDAL's WCS driver opens the coverage, sees its dates,
and reads one date selected with the open option Subset=time(...) exactly as GetCoverage gives it.
Exits non-zero on any failure.
"""

import os
import shutil
import sys
import tempfile
import unittest
import urllib.parse

from osgeo import gdal, osr

gdal.UseExceptions()

# The host runs on this machine: keep any configured HTTP proxy out of the way (curl reads these).
for _name in ("no_proxy", "NO_PROXY"):
    os.environ[_name] = ",".join(filter(None, [os.environ.get(_name), "localhost", "127.0.0.1"]))

BASE = os.environ["SSM_BASE_URL"].rstrip("/")
LAYER = os.environ["SSM_LAYER"]
CRS = os.environ["SSM_LAYER_CRS"]
EXTENT = [float(v) for v in os.environ["SSM_LAYER_EXTENT"].split(",")]
DATES = [d.strip() for d in os.environ["SSM_LAYER_DATES"].split(",") if d.strip()]
EPSG = CRS.split(":")[-1]


def get_coverage_url(*subsets, **params):
    query = [("service", "WCS"), ("version", "2.0.1"), ("request", "GetCoverage"), ("coverageId", LAYER)]
    query += [("subset", s) for s in subsets]
    query += list(params.items())
    return BASE + "/wcs?" + urllib.parse.urlencode(query, safe="(),:*")


def epsg_of(ds):
    srs = osr.SpatialReference(wkt=ds.GetProjection())
    srs.AutoIdentifyEPSG()
    return srs.GetAuthorityCode(None)


def extent_of(ds):
    """(minx, miny, maxx, maxy) with x the easting or longitude, whatever the CRS's axis order."""
    gt = ds.GetGeoTransform()
    xs = (gt[0], gt[0] + ds.RasterXSize * gt[1])
    ys = (gt[3], gt[3] + ds.RasterYSize * gt[5])
    return [min(xs), min(ys), max(xs), max(ys)]


class WcsGdalTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.cache = tempfile.mkdtemp(prefix="gdal-wcs-cache-")
        full = gdal.Open("/vsicurl/" + get_coverage_url())
        cls.width = full.RasterXSize
        cls.height = full.RasterYSize
        cls.cell_x = (EXTENT[2] - EXTENT[0]) / cls.width
        cls.cell_y = (EXTENT[3] - EXTENT[1]) / cls.height
        full = None

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.cache, ignore_errors=True)

    def assert_extent(self, expected, actual):
        # A thousandth of a cell.
        tolerance = [self.cell_x / 1000, self.cell_y / 1000] * 2
        for e, a, t in zip(expected, actual, tolerance):
            self.assertAlmostEqual(e, a, delta=t, msg="extent %s, expected %s" % (actual, expected))

    def test_full_coverage_through_vsicurl(self):
        ds = gdal.Open("/vsicurl/" + get_coverage_url())
        self.assertEqual(EPSG, epsg_of(ds))
        self.assert_extent(EXTENT, extent_of(ds))
        self.assertEqual(len(DATES), ds.RasterCount)
        self.assertEqual(gdal.GDT_Float32, ds.GetRasterBand(1).DataType)
        self.assertIn("ssm:dates=", ds.GetMetadataItem("TIFFTAG_IMAGEDESCRIPTION") or "")

    def test_plain_url_opens_too(self):
        ds = gdal.Open(get_coverage_url())
        self.assertEqual(EPSG, epsg_of(ds))
        self.assert_extent(EXTENT, extent_of(ds))
        self.assertEqual(len(DATES), ds.RasterCount)

    def test_one_date_gives_one_band(self):
        date = DATES[len(DATES) // 2]
        ds = gdal.Open("/vsicurl/" + get_coverage_url('time("%s")' % date))
        self.assertEqual(1, ds.RasterCount)
        self.assertEqual("ssm:dates=" + date, ds.GetMetadataItem("TIFFTAG_IMAGEDESCRIPTION"))
        self.assert_extent(EXTENT, extent_of(ds))
        full = gdal.Open("/vsicurl/" + get_coverage_url())
        index = DATES.index(date) + 1
        self.assertEqual(full.GetRasterBand(index).ReadRaster(), ds.GetRasterBand(1).ReadRaster())

    def test_spatial_subset_snaps_to_whole_cells(self):
        geographic = osr.SpatialReference()
        geographic.ImportFromEPSG(int(EPSG))
        x, y = ("Long", "Lat") if geographic.IsGeographic() else ("E", "N")
        # A quarter of the way in on each side, plus a third of a cell, so the bounds fall inside cells.
        lo_x = EXTENT[0] + (EXTENT[2] - EXTENT[0]) / 4 + self.cell_x / 3
        hi_x = EXTENT[2] - (EXTENT[2] - EXTENT[0]) / 4 + self.cell_x / 3
        lo_y = EXTENT[1] + (EXTENT[3] - EXTENT[1]) / 4 + self.cell_y / 3
        hi_y = EXTENT[3] - (EXTENT[3] - EXTENT[1]) / 4 + self.cell_y / 3
        ds = gdal.Open("/vsicurl/" + get_coverage_url("%s(%r,%r)" % (x, lo_x, hi_x), "%s(%r,%r)" % (y, lo_y, hi_y)))
        snapped = [
            EXTENT[0] + int((lo_x - EXTENT[0]) // self.cell_x) * self.cell_x,
            EXTENT[3] - -int(-(EXTENT[3] - lo_y) // self.cell_y) * self.cell_y,
            EXTENT[0] + -int(-(hi_x - EXTENT[0]) // self.cell_x) * self.cell_x,
            EXTENT[3] - int((EXTENT[3] - hi_y) // self.cell_y) * self.cell_y,
        ]
        self.assert_extent(snapped, extent_of(ds))
        self.assertEqual(len(DATES), ds.RasterCount)

    def wcs_driver_open(self, *options):
        name = "WCS:%s/wcs?version=2.0.1&coverage=%s" % (BASE, LAYER)
        return gdal.OpenEx(name, gdal.OF_RASTER, open_options=["CACHE=" + self.cache] + list(options))

    def test_wcs_driver_describes_the_coverage(self):
        ds = self.wcs_driver_open()
        self.assertEqual("WCS", ds.GetDriver().ShortName)
        self.assertEqual((self.width, self.height), (ds.RasterXSize, ds.RasterYSize))
        self.assertEqual(EPSG, epsg_of(ds))
        self.assert_extent(EXTENT, extent_of(ds))
        # A series has a third axis, time, so GDAL shows its dates and no band until one is chosen.
        self.assertEqual("time", ds.GetMetadataItem("DIMENSION_2_AXIS"))
        positions = (ds.GetMetadataItem("TimeDomain") or "").split(",")
        self.assertEqual(DATES, [p[:10] for p in positions])

    def test_wcs_driver_reads_one_date(self):
        date = DATES[-1]
        ds = self.wcs_driver_open("Subset=time(%s)" % date)
        self.assertEqual(1, ds.RasterCount)
        self.assertEqual((self.width, self.height), (ds.RasterXSize, ds.RasterYSize))
        self.assertEqual(EPSG, epsg_of(ds))
        self.assert_extent(EXTENT, extent_of(ds))
        direct = gdal.Open("/vsicurl/" + get_coverage_url('time("%s")' % date))
        self.assertEqual(direct.GetRasterBand(1).ReadRaster(), ds.GetRasterBand(1).ReadRaster(buf_type=gdal.GDT_Float32))


if __name__ == "__main__":
    print("GDAL " + gdal.__version__ + ", " + sys.version.split()[0])
    result = unittest.main(exit=False, verbosity=2).result
    sys.exit(0 if result.wasSuccessful() else 1)
