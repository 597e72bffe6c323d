package org.ssm.host.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.coverage.grid.GridCoverage;
import org.geotools.api.data.Parameter;
import org.geotools.api.util.InternationalString;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.feature.FeatureCollection;
import org.geotools.process.Process;
import org.ssm.core.ParameterException;
import org.ssm.grid.SeriesDates;
import org.ssm.host.ows.OwsException;
import org.ssm.host.ows.OwsServlet;
import org.ssm.host.wps.FeatureInputs;
import org.ssm.host.wps.GeoJsonCodec;
import org.ssm.host.wps.LiteralCodec;
import org.ssm.host.wps.ProcessRegistry;
import org.ssm.host.wps.ProcessRegistry.ProcessInfo;
import org.ssm.host.wps.WpsDocuments;
import org.ssm.host.wps.WpsTypes;
import org.ssm.io.Coverages;
import org.ssm.io.GeoTiff;

/**
 * {@code test-server/ssm}: lists, describes and runs the processes locally on files, through the
 * same GeoTools SPI as GeoServer and the host, with no server.
 *
 * <pre>
 * ssm list
 * ssm describe ID [--xml]
 * ssm run ID key=value... [--out DIR]
 * </pre>
 *
 * Raster inputs are GeoTIFF paths; a series' dates come from the {@code dates} input or from the
 * file. Raster outputs are written to {@code DIR/<output>.tif}; literal outputs are printed.
 */
public final class SsmCli {

    private final PrintStream out;
    private final PrintStream err;
    private final ProcessRegistry registry = ProcessRegistry.discover();

    public SsmCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new SsmCli(System.out, System.err).run(args));
    }

    /** Runs one command; returns the exit status (0 ok, 1 failed, 2 bad usage or input). */
    public int run(String[] args) {
        if (args.length == 0) {
            usage();
            return 2;
        }
        try {
            switch (args[0]) {
                case "list" -> list();
                case "describe" -> {
                    if (args.length < 2) {
                        usage();
                        return 2;
                    }
                    describe(args[1], List.of(args).contains("--xml"));
                }
                case "run" -> {
                    if (args.length < 2) {
                        usage();
                        return 2;
                    }
                    return execute(args[1], List.of(args).subList(2, args.length));
                }
                case "help", "--help", "-h" -> usage();
                default -> {
                    err.println("unknown command '" + args[0] + "'");
                    usage();
                    return 2;
                }
            }
            return 0;
        } catch (OwsException | ParameterException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            OwsException ows = OwsServlet.toOwsException(e);
            err.println("error: " + ows.getMessage());
            return OwsException.INVALID_PARAMETER_VALUE.equals(ows.code()) ? 2 : 1;
        }
    }

    private void usage() {
        err.println("usage: ssm list | describe ID [--xml] | run ID key=value... [--out DIR]");
        err.println("  raster inputs are GeoTIFF files; outputs go to DIR (default: the current directory)");
    }

    private void list() {
        for (ProcessInfo p : registry.all()) {
            out.printf("%-28s %s%n", p.identifier(), p.title());
        }
    }

    private void describe(String id, boolean xml) {
        ProcessInfo p = registry.get(qualified(id), "ID");
        if (xml) {
            long maxInput = org.ssm.host.HostConfig.defaults(0, Path.of(".")).maxInputBytes();
            out.print(indented(WpsDocuments.describe(List.of(p), maxInput)));
            return;
        }
        out.println(p.identifier() + ": " + p.title());
        out.println("  " + p.description());
        out.println("inputs:");
        for (Parameter<?> in : p.inputs().values()) {
            out.printf("  %-22s %-10s %s%s%n", in.key, inputKind(in), in.minOccurs == 0 ? "optional. " : "",
                    sentence(text(in.description)) + details(in));
        }
        out.println("outputs:");
        for (Parameter<?> o : p.outputs().values()) {
            out.printf("  %-22s %-10s %s%n", o.key, kind(o), text(o.description));
        }
    }

    /** The document indented for reading, as kept in {@code wps-descriptors/}. */
    private static String indented(byte[] xml) {
        try {
            javax.xml.transform.Transformer t = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(javax.xml.transform.OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            java.io.StringWriter w = new java.io.StringWriter();
            t.transform(new javax.xml.transform.stream.StreamSource(new java.io.ByteArrayInputStream(xml)),
                    new javax.xml.transform.stream.StreamResult(w));
            return w.toString().replaceFirst("\\?>", "?>\n") + "\n";
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("could not indent the description", e);
        }
    }

    private static String inputKind(Parameter<?> p) {
        return WpsTypes.isComplex(p) ? "file (" + String.join(", ", WpsTypes.inputFormats(p)) + ")" : kind(p);
    }

    private static String kind(Parameter<?> p) {
        if (WpsTypes.isComplex(p)) {
            return "file (" + String.join(", ", WpsTypes.formats(p)) + ")";
        }
        return p.type.isEnum() ? "choice" : WpsTypes.dataType(p.type).substring(3);
    }

    private static String details(Parameter<?> p) {
        StringBuilder sb = new StringBuilder();
        if (p.type.isEnum()) {
            sb.append(" One of ").append(java.util.Arrays.toString(p.type.getEnumConstants())).append('.');
        }
        Object min = p.metadata == null ? null : p.metadata.get(Parameter.MIN);
        Object max = p.metadata == null ? null : p.metadata.get(Parameter.MAX);
        if (min != null || max != null) {
            sb.append(" Range [").append(min == null ? "-inf" : min).append(", ").append(max == null ? "inf" : max)
                    .append("].");
        }
        if (p.getDefaultValue() != null) {
            sb.append(" Default ").append(p.getDefaultValue()).append('.');
        }
        return sb.toString();
    }

    private static String sentence(String s) {
        return s.isEmpty() || s.endsWith(".") ? s : s + ".";
    }

    private static String text(InternationalString s) {
        return s == null ? "" : s.toString();
    }

    private static String qualified(String id) {
        return id.contains(":") ? id : ProcessRegistry.NAMESPACE + ":" + id;
    }

    private int execute(String id, List<String> args) throws IOException {
        ProcessInfo p = registry.get(qualified(id), "ID");
        Path outDir = Path.of(".");
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--out")) {
                if (i + 1 >= args.size()) {
                    throw new ParameterException("--out", null, "a directory after --out");
                }
                outDir = Path.of(args.get(++i));
                continue;
            }
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException("argument", a, "key=value");
            }
            given.computeIfAbsent(a.substring(0, eq), k -> new ArrayList<>()).add(a.substring(eq + 1));
        }
        Map<String, Object> inputs = inputs(p, given);
        Process process = p.factory().create(p.name());
        ConsoleProgress progress = new ConsoleProgress(err);
        Thread hook = new Thread(() -> progress.setCanceled(true));
        Runtime.getRuntime().addShutdownHook(hook);
        Map<String, Object> results;
        try {
            results = process.execute(inputs, progress);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting after a cancel: nothing to remove.
            }
        }
        err.println();
        Files.createDirectories(outDir);
        for (Map.Entry<String, Object> r : results.entrySet()) {
            if (r.getValue() instanceof GridCoverage2D coverage) {
                Path file = outDir.resolve(r.getKey() + ".tif");
                List<java.time.LocalDate> dates = Coverages.datesFromDescriptions(coverage);
                GeoTiff.write(file, coverage, dates.isEmpty() ? null : SeriesDates.format(dates));
                out.println(r.getKey() + "=" + file);
            } else if (r.getValue() instanceof java.awt.image.RenderedImage image) {
                Path file = outDir.resolve(r.getKey() + ".png");
                javax.imageio.ImageIO.write(image, "png", file.toFile());
                out.println(r.getKey() + "=" + file);
            } else if (r.getValue() instanceof org.geotools.data.simple.SimpleFeatureCollection features) {
                Path file = outDir.resolve(r.getKey() + ".json");
                Files.writeString(file, GeoJsonCodec.encode(features), StandardCharsets.UTF_8);
                out.println(r.getKey() + "=" + file);
            } else if (p.outputs().get(r.getKey()) != null && WpsTypes.isText(p.outputs().get(r.getKey()))) {
                Parameter<?> o = p.outputs().get(r.getKey());
                Path file = outDir.resolve(r.getKey() + WpsTypes.extension(WpsTypes.formats(o).get(0)));
                Files.writeString(file, String.valueOf(r.getValue()), StandardCharsets.UTF_8);
                out.println(r.getKey() + "=" + file);
            } else {
                out.println(r.getKey() + "=" + r.getValue());
            }
        }
        return 0;
    }

    private static Map<String, Object> inputs(ProcessInfo p, Map<String, List<String>> given) throws IOException {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : given.entrySet()) {
            Parameter<?> param = p.inputs().get(e.getKey());
            if (param == null) {
                throw new ParameterException(e.getKey(), String.join(",", e.getValue()),
                        "an input of " + p.identifier() + ": " + String.join(", ", p.inputs().keySet()));
            }
            if (e.getValue().size() > param.maxOccurs) {
                throw new ParameterException(e.getKey(), e.getValue().size() + " values", "at most " + param.maxOccurs);
            }
            if (e.getValue().size() < param.minOccurs) {
                throw new ParameterException(e.getKey(), e.getValue().size() + " value(s)", "at least "
                        + param.minOccurs);
            }
            List<Object> values = new ArrayList<>();
            for (String v : e.getValue()) {
                if (GridCoverage.class.isAssignableFrom(param.type)) {
                    // Dates recorded in the file travel with the coverage; a dates input overrides them.
                    values.add(Coverages.toCoverage(e.getKey(), GeoTiff.read(e.getKey(), Path.of(v), null)));
                } else if (FeatureCollection.class.isAssignableFrom(param.type) || WpsTypes.isText(param)) {
                    Path file = Path.of(v);
                    if (!Files.isRegularFile(file)) {
                        throw new ParameterException(e.getKey(), v, "an existing file");
                    }
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    values.add(WpsTypes.isText(param) ? text
                            : FeatureInputs.decode(e.getKey(), file.getFileName().toString(), text));
                } else {
                    values.add(LiteralCodec.decode(param, v));
                }
            }
            inputs.put(e.getKey(), param.maxOccurs > 1 ? values : values.get(0));
        }
        for (Parameter<?> param : p.inputs().values()) {
            if (param.minOccurs > 0 && !inputs.containsKey(param.key)) {
                throw ParameterException.missing(param.key, "a value (see: ssm describe " + p.localName() + ")");
            }
        }
        return inputs;
    }

    /** Prints the percentage on one console line; cancelled by Ctrl-C through a shutdown hook. */
    private static final class ConsoleProgress extends org.geotools.data.util.NullProgressListener {
        private final PrintStream err;
        private volatile boolean cancelled;
        private volatile float percent = -1;

        ConsoleProgress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void progress(float value) {
            if ((int) value != (int) percent) {
                err.print("\r" + (int) value + " %");
            }
            percent = value;
        }

        @Override
        public float getProgress() {
            return percent;
        }

        @Override
        public boolean isCanceled() {
            return cancelled;
        }

        @Override
        public void setCanceled(boolean cancel) {
            cancelled = cancel;
        }

        @Override
        public void warningOccurred(String source, String location, String warning) {
            err.println("warning: " + warning);
        }
    }
}
