package org.ssm.host.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.SeriesDates;
import org.ssm.core.Json;

/**
 * The {@code layer.json} form of a {@link Layer}.
 *
 * <p>{@code bandNames} (a list, empty when the layer has no band dimension) came after the first layers
 * were written: a file without it is read as a layer without names, except an undated layer of several
 * bands, which gets the names "1" … "N" so that WMS still offers each of its bands.
 */
final class LayerJson {

    private LayerJson() {}

    static String write(Layer layer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", layer.name());
        m.put("title", layer.title());
        m.put("description", layer.description());
        m.put("style", layer.style());
        m.put("units", layer.units());
        GridGeometry g = layer.grid();
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("crs", g.crs());
        grid.put("originX", g.originX());
        grid.put("originY", g.originY());
        grid.put("cellWidth", g.cellWidth());
        grid.put("cellHeight", g.cellHeight());
        grid.put("width", g.width());
        grid.put("height", g.height());
        m.put("grid", grid);
        m.put("dates", layer.isSeries() ? SeriesDates.format(layer.dates()) : null);
        m.put("bands", layer.bands());
        m.put("bandNames", layer.bandNames());
        m.put("min", layer.min());
        m.put("max", layer.max());
        m.put("origin", layer.origin());
        m.put("created", layer.created().toString());
        return Json.write(m);
    }

    @SuppressWarnings("unchecked")
    static Layer read(String json) {
        Map<String, Object> m = Json.parseObject(json);
        Map<String, Object> g = (Map<String, Object>) m.get("grid");
        GridGeometry grid = new GridGeometry((String) g.get("crs"), num(g, "originX"), num(g, "originY"),
                num(g, "cellWidth"), num(g, "cellHeight"), (int) num(g, "width"), (int) num(g, "height"));
        String dates = (String) m.get("dates");
        List<LocalDate> list = dates == null ? new ArrayList<>() : SeriesDates.parse("dates", dates);
        int bands = (int) num(m, "bands");
        List<String> bandNames;
        if (m.get("bandNames") instanceof List<?> names) {
            bandNames = names.stream().map(n -> (String) n).toList();
        } else {
            bandNames = Layer.bandNamesOf(null, !list.isEmpty(), bands);
        }
        return new Layer((String) m.get("name"), (String) m.get("title"), (String) m.get("description"),
                (String) m.get("style"), (String) m.get("units"), grid, list, bands, bandNames, num(m, "min"),
                num(m, "max"), (String) m.get("origin"), Instant.parse((String) m.get("created")));
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
