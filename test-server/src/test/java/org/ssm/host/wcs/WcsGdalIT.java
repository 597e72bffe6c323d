package org.ssm.host.wcs;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ssm.host.clients.PythonClients;

/**
 * GDAL (Debian's python3-gdal) against the host's WCS: {@code clients/test_wcs_gdal.py} on a
 * projected and on a geographic series layer.
 */
class WcsGdalIT extends WcsHostTestBase {


    @Test
    void gdalReadsAProjectedSeries() throws Exception {
        PythonClients.run("test_wcs_gdal.py", Map.of(
                "SSM_BASE_URL", wcs.base(),
                "SSM_LAYER", "utm",
                "SSM_LAYER_CRS", "EPSG:32633",
                "SSM_LAYER_EXTENT", "500000,4997000,504000,5000000",
                "SSM_LAYER_DATES", "2021-04-01,2021-04-02,2021-04-03"), 300);
    }

    @Test
    void gdalReadsAGeographicSeries() throws Exception {
        PythonClients.run("test_wcs_gdal.py", Map.of(
                "SSM_BASE_URL", wcs.base(),
                "SSM_LAYER", "geo",
                "SSM_LAYER_CRS", "EPSG:4326",
                "SSM_LAYER_EXTENT", "10,45.8,10.5,46",
                "SSM_LAYER_DATES", "2021-04-01,2021-04-02"), 300);
    }
}
