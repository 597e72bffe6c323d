package org.ssm.host.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.core.Json;

/** The {@code layer.json} form of a {@link StationLayer}, marked {@code "kind": "stations"}. */
final class StationLayerJson {

    private StationLayerJson() {}

    static String write(StationLayer layer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", StationLayer.KIND);
        m.put("name", layer.name());
        m.put("title", layer.title());
        m.put("description", layer.description());
        m.put("origin", layer.origin());
        m.put("created", layer.created().toString());
        StationLayer.Extent e = layer.extent();
        m.put("extent", List.of(e.west(), e.south(), e.east(), e.north()));
        m.put("dates", layer.dates().stream().map(LocalDate::toString).toList());
        m.put("networks", layer.networks());
        m.put("stations", layer.stations());
        m.put("readings", layer.readings());
        return Json.write(m);
    }

    /** Whether a {@code layer.json} document describes a station layer. */
    static boolean isStations(Map<String, Object> document) {
        return StationLayer.KIND.equals(document.get("kind"));
    }

    static StationLayer read(Map<String, Object> m) {
        List<?> e = (List<?>) m.get("extent");
        List<LocalDate> dates = new ArrayList<>();
        for (Object d : (List<?>) m.get("dates")) {
            dates.add(LocalDate.parse((String) d));
        }
        List<String> networks = new ArrayList<>();
        for (Object n : (List<?>) m.get("networks")) {
            networks.add((String) n);
        }
        return new StationLayer((String) m.get("name"), (String) m.get("title"), (String) m.get("description"),
                (String) m.get("origin"), Instant.parse((String) m.get("created")),
                new StationLayer.Extent(num(e.get(0)), num(e.get(1)), num(e.get(2)), num(e.get(3))), dates, networks,
                (int) num(m.get("stations")), (int) num(m.get("readings")));
    }

    private static double num(Object v) {
        return ((Number) v).doubleValue();
    }
}
