package org.ssm.host.wms;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.ssm.host.ows.SafeXml;

/**
 * Reads the first {@code RasterSymbolizer} of an SLD 1.0 document into a {@link ColorMapStyle}.
 *
 * <p>Only what a single-band colour map needs is read: the style's title, the symbolizer's
 * {@code Opacity} (plain text or an {@code ogc:Literal}) and the {@code ColorMap} with its entries.
 * Elements are matched by local name so that documents with or without the {@code sld:} prefix read
 * alike. The parser has DTDs and external entities off.
 */
public final class SldReader {

    private SldReader() {}

    /**
     * Parses an SLD document.
     *
     * @param name the style name to give the result (the file name without {@code .sld})
     * @throws IllegalArgumentException if the document is not well formed or has no usable ColorMap
     */
    public static ColorMapStyle read(String name, InputStream in) throws IOException {
        XMLStreamReader r;
        try {
            r = SafeXml.inputFactory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("style " + name + ": " + e.getMessage(), e);
        }
        try {
            return read(name, r);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("style " + name + " is not well-formed XML: " + e.getMessage(), e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // Nothing more is read from the stream; the caller closes it.
            }
        }
    }

    private static ColorMapStyle read(String name, XMLStreamReader r) throws XMLStreamException {
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        String layerTitle = null;
        String styleTitle = null;
        String type = null;
        double opacity = 1;
        boolean inRaster = false;
        boolean rasterSeen = false;
        boolean colorMapSeen = false;
        List<ColorMapStyle.Entry> entries = new ArrayList<>();
        boolean root = true;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String local = r.getLocalName();
                if (root && !"StyledLayerDescriptor".equals(local)) {
                    throw new IllegalArgumentException("style " + name + ": the root element is " + local
                            + ", expected StyledLayerDescriptor");
                }
                root = false;
                path.push(local);
                text.setLength(0);
                if ("RasterSymbolizer".equals(local) && !rasterSeen) {
                    inRaster = true;
                } else if (inRaster && "ColorMap".equals(local)) {
                    type = r.getAttributeValue(null, "type");
                    colorMapSeen = true;
                } else if (inRaster && "ColorMapEntry".equals(local)) {
                    entries.add(entry(name, r));
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String local = path.pop();
                String parent = path.peek();
                String value = text.toString().strip();
                if ("Title".equals(local) && "UserStyle".equals(parent) && !value.isEmpty()) {
                    styleTitle = value;
                } else if ("Title".equals(local) && "NamedLayer".equals(parent) && !value.isEmpty()) {
                    layerTitle = value;
                } else if (inRaster && "Opacity".equals(local) && "RasterSymbolizer".equals(parent)) {
                    opacity = number(name, "Opacity", value);
                } else if ("RasterSymbolizer".equals(local) && inRaster) {
                    inRaster = false;
                    rasterSeen = true;
                }
            }
        }
        if (!colorMapSeen) {
            throw new IllegalArgumentException("style " + name + ": no RasterSymbolizer with a ColorMap");
        }
        String title = styleTitle != null ? styleTitle : layerTitle != null ? layerTitle : name;
        return new ColorMapStyle(name, title, ColorMapStyle.Type.of(type), entries, opacity);
    }

    private static ColorMapStyle.Entry entry(String name, XMLStreamReader r) {
        String color = r.getAttributeValue(null, "color");
        String quantity = r.getAttributeValue(null, "quantity");
        String opacity = r.getAttributeValue(null, "opacity");
        if (color == null || quantity == null) {
            throw new IllegalArgumentException("style " + name + ": a ColorMapEntry needs color and quantity");
        }
        return new ColorMapStyle.Entry(number(name, "quantity", quantity), color(name, color),
                opacity == null ? 1 : number(name, "opacity", opacity), r.getAttributeValue(null, "label"));
    }

    /** An SLD colour, {@code #RRGGBB}. */
    static int color(String name, String text) {
        String hex = text.strip();
        if (hex.startsWith("#")) {
            hex = hex.substring(1);
        } else if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if (hex.length() != 6) {
            throw new IllegalArgumentException("style " + name + ": colour '" + text + "': expected #RRGGBB");
        }
        try {
            return Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("style " + name + ": colour '" + text + "': expected #RRGGBB");
        }
    }

    private static double number(String name, String what, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("style " + name + ": " + what + " '" + text + "' is not a number");
        }
    }
}
