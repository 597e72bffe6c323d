package org.ssm.host.wms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssm.host.catalog.Layer;

/**
 * The named styles: every {@code styles/*.sld} on the class path (the project's top-level
 * {@code styles/} folder, packaged by the host's build), read once when the library is created.
 *
 * <p>A layer whose style has no SLD gets a {@linkplain ColorMapStyle#generated generated} ramp over
 * the layer's value range, under the layer's style name, so that every layer can be drawn.
 */
public final class StyleLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(StyleLibrary.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final String FOLDER = "styles";

    private final Map<String, ColorMapStyle> styles;

    private StyleLibrary(Map<String, ColorMapStyle> styles) {
        this.styles = Collections.unmodifiableMap(styles);
    }

    /** The styles under {@code styles/} on the class path of this class. */
    public static StyleLibrary fromClasspath() {
        return fromClasspath(StyleLibrary.class.getClassLoader());
    }

    static StyleLibrary fromClasspath(ClassLoader loader) {
        Map<String, ColorMapStyle> map = new TreeMap<>();
        for (String name : listSld(loader)) {
            try (InputStream in = loader.getResourceAsStream(FOLDER + "/" + name + ".sld")) {
                if (in != null) {
                    map.put(name, SldReader.read(name, in));
                }
            } catch (IOException | IllegalArgumentException e) {
                // One broken file must not take the other styles down; the operator sees why in the log.
                LOG.warn("style {} is not usable: {}", name, e.getMessage());
            }
        }
        return new StyleLibrary(map);
    }

    /** A library of the given styles, for tests and embedding. */
    public static StyleLibrary of(List<ColorMapStyle> list) {
        Map<String, ColorMapStyle> map = new TreeMap<>();
        for (ColorMapStyle s : list) {
            map.put(s.name(), s);
        }
        return new StyleLibrary(map);
    }

    /** The names of the SLD styles, sorted. */
    public List<String> names() {
        return List.copyOf(styles.keySet());
    }

    /** The SLD style called {@code name}. */
    public Optional<ColorMapStyle> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(styles.get(name));
    }

    /** The style a layer is drawn with when none is requested: its SLD, or a generated ramp. */
    public ColorMapStyle defaultStyle(Layer layer) {
        String name = defaultStyleName(layer);
        return find(name).orElseGet(() -> ColorMapStyle.generated(name,
                layer.title() + (layer.units() == null || layer.units().isBlank() ? "" : " (" + layer.units() + ")"),
                layer.min(), layer.max()));
    }

    /** The name of a layer's default style; the layer name when the layer names none. */
    public static String defaultStyleName(Layer layer) {
        String s = layer.style();
        return s != null && NAME.matcher(s).matches() ? s : layer.name();
    }

    /**
     * The style for {@code layer} given the requested name: the default for an empty name, else a
     * named SLD style or the layer's own default style name.
     *
     * @param locator the parameter to name in a StyleNotDefined report ({@code styles} or {@code style})
     */
    public ColorMapStyle resolve(Layer layer, String requested, String locator) {
        if (requested == null || requested.isBlank() || requested.strip().equalsIgnoreCase("default")) {
            return defaultStyle(layer);
        }
        String name = requested.strip();
        if (name.equals(defaultStyleName(layer))) {
            return defaultStyle(layer);
        }
        return find(name).orElseThrow(() -> WmsErrors.styleNotDefined(locator,
                "style '" + name + "' is not defined; the styles are " + String.join(", ", names())
                        + " and each layer's default"));
    }

    private static List<String> listSld(ClassLoader loader) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(FOLDER);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("file".equals(url.getProtocol())) {
                    listDirectory(url, names);
                } else if ("jar".equals(url.getProtocol())) {
                    listJar(url, names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the styles on the class path could not be listed", e);
        }
        return new ArrayList<>(names);
    }

    private static void listDirectory(URL url, TreeSet<String> names) throws IOException {
        Path dir;
        try {
            dir = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("bad styles folder URL " + url, e);
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).forEach(f -> addIfSld(f, names));
        }
    }

    private static void listJar(URL url, TreeSet<String> names) throws IOException {
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            return;
        }
        jarConnection.setUseCaches(false);
        try (JarFile jar = jarConnection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            String prefix = FOLDER + "/";
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0) {
                    addIfSld(entry.substring(prefix.length()), names);
                }
            }
        }
    }

    private static void addIfSld(String file, TreeSet<String> names) {
        if (file.endsWith(".sld")) {
            String name = file.substring(0, file.length() - 4);
            if (NAME.matcher(name).matches()) {
                names.add(name);
            }
        }
    }
}
