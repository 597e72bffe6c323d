package org.ssm.host.wps;

import java.util.List;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.ssm.core.Monitor;
import org.ssm.host.ows.OwsException;
import org.ssm.io.stations.StationFileException;
import org.ssm.io.stations.StationFiles;
import org.ssm.io.stations.StationText;
import org.ssm.process.StationFeatures;
import org.ssm.stations.StationReadOptions;
import org.ssm.stations.StationSelection;

/**
 * Decodes a feature-collection input: GeoJSON, or a station file — ISMN header+values or CEOP, or a
 * station CSV — read by the same readers as {@code ssm:ReadStations} into the station features of
 * SPEC §4, every reading with a value kept. A process taking stations (e.g. the {@code stations} of
 * {@code ssm:TripleCollocation}) can so be given the files as they come.
 */
public final class FeatureInputs {

    private FeatureInputs() {}

    /**
     * The features of an input's document.
     *
     * @param input the input's identifier, the locator of errors
     * @param name the document's file name when known (the ISMN name convention uses it), else the input
     * @param text the document
     */
    public static SimpleFeatureCollection decode(String input, String name, String text) {
        String t = text == null ? "" : text;
        if (t.stripLeading().startsWith("{")) {
            return GeoJsonCodec.decode(input, t);
        }
        try {
            StationSelection.Result stations = new StationSelection(StationReadOptions.defaults())
                    .apply(StationFiles.read(new StationText(name, t)), Monitor.NONE);
            return StationFeatures.toFeatures(stations.stations());
        } catch (StationFileException e) {
            throw OwsException.invalid(input, "input " + input + ": " + e.file() + (e.line() > 0 ? ":" + e.line() : "")
                    + ": " + e.reason());
        }
    }
}
