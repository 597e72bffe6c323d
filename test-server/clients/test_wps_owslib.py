"""OWSLib WebProcessingService against the running host: lists and describes the ssm processes,
then runs ssm:DisPATCh asynchronously on layers of the host's own WCS and follows its status to
the end.

Environment: SSM_BASE_URL, SSM_COARSE_LAYER, SSM_LST_LAYER, SSM_NDVI_LAYER, SSM_DEM_LAYER.
Prints STATUS_MESSAGE=<final status message> for the harness.
"""
import os
import sys
import time
import urllib.request

from owslib.wps import ASYNC, ComplexDataInput, WebProcessingService

BASE = os.environ["SSM_BASE_URL"].rstrip("/")
EXPECTED = {"ssm:Align", "ssm:SpectralIndices", "ssm:DisPATCh"}


def coverage_url(layer):
    return (BASE + "/wcs?service=WCS&version=2.0.1&request=GetCoverage&format=image/tiff"
            "&coverageId=" + layer)


def main():
    wps = WebProcessingService(BASE + "/wps", version="1.0.0")
    identifiers = {p.identifier for p in wps.processes}
    missing = EXPECTED - identifiers
    assert not missing, "processes missing from GetCapabilities: %s (got %s)" % (missing, identifiers)

    for identifier in sorted(i for i in identifiers if i.startswith("ssm:")):
        description = wps.describeprocess(identifier)
        assert description.identifier == identifier, description.identifier
        assert description.dataInputs, identifier + " describes no inputs"
        assert description.processOutputs, identifier + " describes no outputs"

    dispatch = wps.describeprocess("ssm:DisPATCh")
    inputs = {i.identifier: i for i in dispatch.dataInputs}
    for name in ("coarseSsm", "lst", "ndvi", "dem", "dates"):
        assert name in inputs, "DisPATCh lacks input " + name
    assert inputs["coarseSsm"].minOccurs == 1 and inputs["dates"].minOccurs == 0

    execution = wps.execute(
        "ssm:DisPATCh",
        [
            ("coarseSsm", ComplexDataInput(coverage_url(os.environ["SSM_COARSE_LAYER"]), mimeType="image/tiff")),
            ("lst", ComplexDataInput(coverage_url(os.environ["SSM_LST_LAYER"]), mimeType="image/tiff")),
            ("ndvi", ComplexDataInput(coverage_url(os.environ["SSM_NDVI_LAYER"]), mimeType="image/tiff")),
            ("dem", ComplexDataInput(coverage_url(os.environ["SSM_DEM_LAYER"]), mimeType="image/tiff")),
        ],
        output=[("ssm", True, "image/tiff"), ("dates", False, None)],
        mode=ASYNC,
    )
    assert execution.status == "ProcessAccepted", "an asynchronous run starts accepted, got %s" % execution.status
    assert execution.statusLocation, "no statusLocation in the first response"

    percents = []
    deadline = time.time() + 600
    while not execution.isComplete():
        assert time.time() < deadline, "the run did not finish in 10 minutes"
        execution.checkStatus(sleepSecs=1)
        percents.append(execution.percentCompleted)
        print("status %s %s%%" % (execution.status, execution.percentCompleted))
    assert execution.isSucceded(), "DisPATCh failed: %s" % [e.text for e in execution.errors]
    assert all(0 <= p <= 100 for p in percents), percents
    assert percents == sorted(percents), "percentCompleted went backwards: %s" % percents

    outputs = {o.identifier: o for o in execution.processOutputs}
    assert "ssm" in outputs and "dates" in outputs, list(outputs)
    reference = outputs["ssm"].reference
    assert reference and reference.startswith(BASE), "ssm should be returned by reference: %r" % reference
    with urllib.request.urlopen(reference) as response:
        head = response.read(4)
    assert head in (b"II*\x00", b"MM\x00*"), "the referenced output is not a TIFF: %r" % head
    dates = outputs["dates"].data[0]
    assert "/" in dates or "," in dates, "dates output looks wrong: %r" % dates

    print("STATUS_MESSAGE=" + (execution.statusMessage or ""))
    print("DATES=" + dates)
    return 0


if __name__ == "__main__":
    sys.exit(main())
