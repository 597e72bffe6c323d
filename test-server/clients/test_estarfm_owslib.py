"""OWSLib WebProcessingService against the running host: describes ssm:ESTARFM, executes it on
time slices of the host's own WCS (two fine/coarse LST pairs and the coarse series between them),
takes the fused series by reference and opens it with GDAL.

Environment: SSM_BASE_URL, SSM_FINE_LAYER, SSM_COARSE_LAYER, SSM_TM, SSM_TN, SSM_FIRST, SSM_LAST,
SSM_DAYS (number of prediction dates), SSM_WIDTH, SSM_HEIGHT (fine grid size).
Prints DATES=<dates output> for the harness.
"""
import os
import sys
import tempfile
import urllib.request

from osgeo import gdal
from owslib.wps import SYNC, ComplexDataInput, WebProcessingService

BASE = os.environ["SSM_BASE_URL"].rstrip("/")


def slice_url(layer, time):
    return (BASE + "/wcs?service=WCS&version=2.0.1&request=GetCoverage&format=image/tiff"
            "&coverageId=" + layer + "&subset=time(" + time + ")")


def main():
    wps = WebProcessingService(BASE + "/wps", version="1.0.0")
    description = wps.describeprocess("ssm:ESTARFM")
    inputs = {i.identifier: i for i in description.dataInputs}
    for name in ("fineM", "coarseM", "fineN", "coarseN", "coarseP"):
        assert inputs[name].minOccurs == 1, name + " should be required"
    for name in ("dates", "window", "classes", "regression", "minValue", "maxValue"):
        assert inputs[name].minOccurs == 0, name + " should be optional"
    assert str(inputs["window"].defaultValue) == "51", inputs["window"].defaultValue
    assert str(inputs["classes"].defaultValue) == "4", inputs["classes"].defaultValue
    outputs = {o.identifier for o in description.processOutputs}
    assert outputs == {"fused", "dates"}, outputs

    fine, coarse = os.environ["SSM_FINE_LAYER"], os.environ["SSM_COARSE_LAYER"]
    tm, tn = os.environ["SSM_TM"], os.environ["SSM_TN"]
    execution = wps.execute(
        "ssm:ESTARFM",
        [
            ("fineM", ComplexDataInput(slice_url(fine, tm), mimeType="image/tiff")),
            ("coarseM", ComplexDataInput(slice_url(coarse, tm), mimeType="image/tiff")),
            ("fineN", ComplexDataInput(slice_url(fine, tn), mimeType="image/tiff")),
            ("coarseN", ComplexDataInput(slice_url(coarse, tn), mimeType="image/tiff")),
            ("coarseP", ComplexDataInput(slice_url(coarse, os.environ["SSM_FIRST"] + "," + os.environ["SSM_LAST"]),
                                         mimeType="image/tiff")),
            ("window", "25"),
            ("minValue", "250"),
            ("maxValue", "350"),
        ],
        output=[("fused", True, "image/tiff"), ("dates", False, None)],
        mode=SYNC,
    )
    assert execution.isSucceded(), "ESTARFM failed: %s %s %s" % (
        execution.status, execution.statusMessage, [(e.code, e.locator, e.text) for e in execution.errors])
    results = {o.identifier: o for o in execution.processOutputs}
    reference = results["fused"].reference
    assert reference and reference.startswith(BASE), "fused should be returned by reference: %r" % reference
    dates = results["dates"].data[0]
    days = int(os.environ["SSM_DAYS"])

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "fused.tif")
        with urllib.request.urlopen(reference) as response, open(path, "wb") as out:
            out.write(response.read())
        dataset = gdal.Open(path)
        assert dataset is not None, "GDAL cannot open the fused series"
        assert dataset.RasterXSize == int(os.environ["SSM_WIDTH"]), dataset.RasterXSize
        assert dataset.RasterYSize == int(os.environ["SSM_HEIGHT"]), dataset.RasterYSize
        assert dataset.RasterCount == days, "one band per prediction date, got %d" % dataset.RasterCount
        for b in range(1, days + 1):
            minimum, maximum = dataset.GetRasterBand(b).ComputeRasterMinMax(False)
            assert 250 <= minimum <= maximum <= 350, "band %d LST out of the valid range: %s..%s" % (b, minimum, maximum)
        dataset = None

    print("DATES=" + dates)
    return 0


if __name__ == "__main__":
    sys.exit(main())
