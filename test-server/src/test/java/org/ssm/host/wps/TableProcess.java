package org.ssm.host.wps;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;

/** A test process with a CSV text input and JSON text and PNG image outputs. */
@DescribeProcess(title = "Table", description = "Sums a CSV column and draws a bar of that length")
public class TableProcess {

    @DescribeResults({
        @DescribeResult(name = "summary", type = String.class, description = "JSON with the row count and sum",
                meta = {"mimeTypes=application/json"}),
        @DescribeResult(name = "chart", type = RenderedImage.class, description = "A bar as long as the sum")
    })
    public Map<String, Object> execute(@DescribeParameter(name = "table", description = "CSV with a header and a"
            + " numeric first column", meta = {"mimeTypes=text/csv,text/plain"}) String table) {
        String[] lines = table.strip().split("\\R");
        double sum = 0;
        for (int i = 1; i < lines.length; i++) {
            sum += Double.parseDouble(lines[i].split(",")[0].strip());
        }
        BufferedImage chart = new BufferedImage(100, 10, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = chart.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, (int) Math.round(sum), 10);
        g.dispose();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", "{\"rows\":" + (lines.length - 1) + ",\"sum\":" + sum + "}");
        out.put("chart", chart);
        return out;
    }
}
