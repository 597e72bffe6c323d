package org.ssm.process;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.ssm.algorithms.quality.QualityMask;
import org.ssm.algorithms.quality.QualityRules;
import org.ssm.core.ParameterException;
import org.ssm.grid.SeriesDates;
import org.ssm.grid.SeriesReader;
import org.ssm.io.Coverages;
import org.ssm.io.ScratchSeries;

/** The {@code ssm:QualityMask} process: a thin adapter over {@link QualityMask} (paper B §2.2.1, D §2.1.2). */
@DescribeProcess(title = "Quality mask",
        description = "Masks a series by MODIS-style QC bit fields and value ranges (the quality screening of"
                + " paper B section 2.2.1 and paper D section 2.1.2): a pixel is kept when every rule accepts it;"
                + " rejected pixels become no data. Processed band by band and tile by tile.")
public class QualityMaskProcess {

    /** Style and variable name of the mask output. */
    public static final String MASK_VARIABLE = "qc-mask";

    @DescribeResults({
        @DescribeResult(name = "masked", type = GridCoverage2D.class, primary = true,
                description = "The values where kept, no data where rejected; the coverage keeps the input's name"),
        @DescribeResult(name = "mask", type = GridCoverage2D.class, description = "Only with withMask=true: 1 kept,"
                + " 0 rejected, no data where the value is missing"),
        @DescribeResult(name = "dates", type = String.class, description = "Dates of the bands of masked"),
        @DescribeResult(name = "report", type = String.class, description = "CSV text, one line per date: "
                + QualityMask.CSV_HEADER)
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "values", description = "The series to mask, one band per date")
                    GridCoverage2D values,
            @DescribeParameter(name = "qc", min = 0, description = "QC words (integers 0 to 2^24 - 1, bit 0 the least"
                    + " significant) with the bands of values; needed by bits= rules") GridCoverage2D qc,
            @DescribeParameter(name = "rules", description = "Space-separated clauses, all of which must accept a pixel:"
                    + " bits=FIRST-LAST:V1,V2;FIRST-LAST:V (values decimal or 0b binary) and range=MIN:MAX on the"
                    + " value; e.g. bits=0-1:0,1;6-7:0 range=250:350 (MOD11A1: good or other quality with LST error"
                    + " at most 1 K, LST in [250, 350] K)") String rules,
            @DescribeParameter(name = ProcessSupport.DATES, min = 0, description = ProcessSupport.DATES_DESCRIPTION)
                    String dates,
            @DescribeParameter(name = "withMask", min = 0, defaultValue = "false",
                    description = "Also return the mask output") Boolean withMask,
            ProgressListener listener) {
        QualityMask mask = new QualityMask(QualityRules.parse("rules", rules));
        if (values == null) {
            throw ParameterException.missing("values", "a coverage (GeoTIFF), one band per date");
        }
        List<LocalDate> bandDates = ProcessSupport.dates(dates);
        SeriesReader in = Coverages.reader("values", values, bandDates);
        SeriesReader qcSeries = qc == null ? null : Coverages.reader("qc", qc, bandDates);
        try (ScratchOutputs outputs = new ScratchOutputs()) {
            ScratchSeries masked = outputs.create(in.geometry(), in.dates(), in.bands());
            ScratchSeries flags = Boolean.TRUE.equals(withMask) ? outputs.create(in.geometry(), in.dates(), in.bands())
                    : null;
            List<QualityMask.DateCount> counts = mask.apply(in, qcSeries, masked, flags,
                    ProcessSupport.monitor(listener));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("masked", outputs.coverage(values.getName().toString(), masked));
            if (flags != null) {
                result.put("mask", outputs.coverage(MASK_VARIABLE, flags));
            }
            if (!in.dates().isEmpty()) {
                result.put(ProcessSupport.DATES, SeriesDates.format(in.dates()));
            }
            result.put("report", QualityMask.csv(counts));
            return result;
        } catch (IOException e) {
            throw new ProcessException("masking failed while reading or writing a series: " + e.getMessage(), e);
        }
    }
}
