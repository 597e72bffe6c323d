package org.ssm.io.stations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ssm.core.ParameterException;

/**
 * The soil-moisture files of an ISMN download, given as its folder tree or as its zip: every
 * {@code .stm} file, in path order, except those whose ISMN name says they hold another variable
 * (soil temperature, precipitation, ...). Metadata files ({@code Metadata.xml},
 * {@code *_static_variables.csv}, the readme) are not station files and are passed over. Files are
 * decoded as UTF-8 (ISMN writes ASCII), a malformed byte becoming U+FFFD rather than an error.
 */
public final class IsmnArchive {

    /** Most bytes read from one download; beyond that it is refused rather than exhaust the heap. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    private IsmnArchive() {}

    /** The files of a folder tree or a {@code .zip}, named by their path inside it. */
    public static List<StationText> read(Path path, long maxBytes) throws IOException {
        if (Files.isDirectory(path)) {
            return folder(path, maxBytes);
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return zip(path, maxBytes);
        }
        throw new ParameterException(StationFiles.PARAMETER, path, "an ISMN download: a folder or a .zip file");
    }

    private static boolean wanted(String name) {
        if (!name.toLowerCase(Locale.ROOT).endsWith(".stm")) {
            return false;
        }
        Optional<IsmnFileName> ismn = IsmnFileName.parse(name);
        return ismn.isEmpty() || ismn.get().isSoilMoisture();
    }

    private static List<StationText> folder(Path root, long maxBytes) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> wanted(p.getFileName().toString())).sorted()
                    .toList();
        }
        List<StationText> out = new ArrayList<>();
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
            requireWithin(root, total, maxBytes);
            out.add(new StationText(root.relativize(f).toString().replace('\\', '/'),
                    new String(Files.readAllBytes(f), StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static List<StationText> zip(Path file, long maxBytes) throws IOException {
        List<StationText> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && wanted(entry.getName())) {
                    entries.add(entry);
                }
            }
            entries.sort(java.util.Comparator.comparing(ZipEntry::getName));
            long total = 0;
            for (ZipEntry entry : entries) {
                try (InputStream in = zip.getInputStream(entry)) {
                    // The declared size may lie: read at most what is left of the budget, plus one byte.
                    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes - total + 1));
                    total += bytes.length;
                    requireWithin(file, total, maxBytes);
                    out.add(new StationText(entry.getName(), new String(bytes, StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    private static void requireWithin(Path source, long total, long maxBytes) {
        if (total > maxBytes) {
            throw new ParameterException(StationFiles.PARAMETER, source, "an ISMN download of at most " + maxBytes
                    + " bytes of station files");
        }
    }
}
