package org.ssm.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.grid.GridSeries;
import org.ssm.host.TestSupport;
import org.ssm.io.GeoTiff;

class SsmCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new SsmCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsAndDescribesTheProcesses() {
        assertEquals(0, run("list"));
        assertTrue(out().contains("ssm:DisPATCh") && out().contains("ssm:Align") && out().contains("ssm:SpectralIndices"));
        assertEquals(0, run("describe", "DisPATCh"));
        assertTrue(out().contains("coarseSsm") && out().contains("Default 0.006"), out());
    }

    @Test
    void describeXmlIsTheWpsDocument() {
        assertEquals(0, run("describe", "ssm:Align", "--xml"));
        assertTrue(out().contains("<ows:Identifier>ssm:Align</ows:Identifier>"), out());
    }

    @Test
    void runsDisPATChOnFilesAndConservesTheCoarseMean() throws Exception {
        GridSeries coarse = TestSupport.random(TestSupport.COARSE, TestSupport.DATES, 0.1, 0.4, 1);
        Path pm = dir.resolve("pm.tif");
        Path lst = dir.resolve("lst.tif");
        Path ndvi = dir.resolve("ndvi.tif");
        // Inputs without dates in the file: the dates argument supplies them.
        GeoTiff.write(pm, coarse.withDates(List.of()));
        GeoTiff.write(lst, TestSupport.random(TestSupport.FINE, TestSupport.DATES, 285, 320, 2).withDates(List.of()));
        GeoTiff.write(ndvi, TestSupport.random(TestSupport.FINE, TestSupport.DATES, 0.15, 0.6, 3).withDates(List.of()));
        Path outDir = dir.resolve("out");
        int status = run("run", "DisPATCh", "coarseSsm=" + pm, "lst=" + lst, "ndvi=" + ndvi,
                "dates=" + TestSupport.DATES, "--out", outDir.toString());
        assertEquals(0, status, err());
        assertTrue(out().contains("dates=2021-05-01/2021-05-03/P1D"), out());
        GridSeries ssm = GeoTiff.read(outDir.resolve("ssm.tif"));
        assertEquals(3, ssm.size());
        int[] cell = TestSupport.FINE.coarseCellIndex(TestSupport.COARSE);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < cell.length; i++) {
            if (cell[i] == 0) {
                sum += ssm.band(2)[i];
                n++;
            }
        }
        // float32 outputs; E eq. 5-6 conserve the coarse mean exactly.
        assertEquals(coarse.band(2)[0], sum / n, 1e-5);
    }

    @Test
    void badArgumentsNameTheInput() throws Exception {
        assertEquals(2, run("run", "DisPATCh", "bogus=1"));
        assertTrue(err().contains("bogus"), err());

        Path lst = dir.resolve("lst.tif");
        GeoTiff.write(lst, TestSupport.random(TestSupport.FINE, TestSupport.DATES, 285, 320, 2).withDates(List.of()));
        Path pm = dir.resolve("pm.tif");
        GeoTiff.write(pm, TestSupport.random(TestSupport.COARSE, TestSupport.DATES, 0.1, 0.4, 1).withDates(List.of()));
        err.reset();
        assertEquals(2, run("run", "DisPATCh", "coarseSsm=" + pm, "lst=" + lst, "fvc=" + lst,
                "dates=2021-05-01,2021-05-02"));
        assertTrue(err().contains("dates") && err().contains("3 bands"), err());
        assertTrue(Files.notExists(dir.resolve("ssm.tif")));
    }

    @Test
    void runsTheThreeCorneredHatOnRepeatedProductFiles() throws Exception {
        String dates = "2021-05-01/2021-06-09/P1D";
        java.util.List<String> args = new java.util.ArrayList<>(List.of("run", "ThreeCorneredHat"));
        for (int p = 0; p < 3; p++) {
            Path file = dir.resolve("p" + p + ".tif");
            GeoTiff.write(file, TestSupport.random(TestSupport.FINE, dates, 0.1, 0.4, 10 + p));
            args.add("products=" + file);
        }
        args.addAll(List.of("names=a,b,c", "--out", dir.resolve("out").toString()));
        assertEquals(0, run(args.toArray(new String[0])), err());
        GridSeries uncertainty = GeoTiff.read(dir.resolve("out").resolve("uncertainty.tif"));
        assertEquals(3, uncertainty.size(), "one band per product");
        assertTrue(out().contains("product,name,least_uncertain_pixels"), out());

        err.reset();
        assertEquals(2, run("run", "ThreeCorneredHat", args.get(2), args.get(3)));
        assertTrue(err().contains("products") && err().contains("at least 3"), err());
    }
}
