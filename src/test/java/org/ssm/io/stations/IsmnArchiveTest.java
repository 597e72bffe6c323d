package org.ssm.io.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.core.ParameterException;

/** An ISMN download as a zip: its soil-moisture files only, by their path in the archive. */
class IsmnArchiveTest {

    private static final String TS = "TESTNET_TESTNET_Beta_ts_0.050000_0.050000_Probe-X_20210401_20210401.stm";

    @TempDir
    Path dir;

    private Path zip() throws Exception {
        Path zip = dir.resolve("download.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String[] entry : new String[][] {
                {"TESTNET/Alpha-Field/" + TestFiles.ALPHA, TestFiles.file(TestFiles.ALPHA).text()},
                {"TESTNET/Beta/" + TS, TestFiles.file(TS).text()},
                {"Metadata.xml", "<metadata/>"},
                {"TESTNET/Alpha-Field/TESTNET_TESTNET_Alpha-Field_static_variables.csv", "quantity;value;\r\n"}}) {
                z.putNextEntry(new ZipEntry(entry[0]));
                z.write(entry[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void readsTheSoilMoistureFilesOfAZip() throws Exception {
        List<StationText> files = IsmnArchive.read(zip(), IsmnArchive.DEFAULT_MAX_BYTES);
        assertEquals(List.of("TESTNET/Alpha-Field/" + TestFiles.ALPHA), files.stream().map(StationText::name).toList(),
                "the soil temperature file and the metadata are passed over");
        assertEquals(TestFiles.file(TestFiles.ALPHA).text(), files.get(0).text(), "line endings untouched");
        assertEquals(IsmnReadersTest.ALPHA_READINGS, StationFiles.read(files.get(0)).get(0).series().observations());
    }

    @Test
    void aDownloadLargerThanTheLimitIsRefused() throws Exception {
        int size = TestFiles.file(TestFiles.ALPHA).text().length();
        ParameterException e = assertThrows(ParameterException.class, () -> IsmnArchive.read(zip(), size - 1));
        assertEquals("files", e.parameter());
        assertEquals(1, IsmnArchive.read(zip(), size).size(), "exactly at the limit is allowed");
    }
}
