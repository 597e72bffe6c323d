package org.ssm.io.stations;

/**
 * The text of one station file and the name it is known by (a file name, or "file 2" for an unnamed
 * WPS input); the name is used by the ISMN naming convention and in errors.
 *
 * @param name the file name
 * @param text the content
 */
public record StationText(String name, String text) {

    public StationText {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a station file needs a name for its errors");
        }
        text = text == null ? "" : text;
    }
}
