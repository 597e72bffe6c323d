package org.ssm.host.wps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.data.Parameter;
import org.geotools.api.feature.type.Name;
import org.geotools.process.ProcessFactory;
import org.geotools.process.Processors;
import org.ssm.host.ows.OwsException;

/**
 * The processes the host offers: every process of the {@code ssm} namespace found through the
 * GeoTools {@code ProcessFactory} SPI, exactly as GeoServer finds them.
 */
public final class ProcessRegistry {

    /** The namespace prefix offered. */
    public static final String NAMESPACE = "ssm";

    /**
     * One offered process.
     *
     * @param identifier the WPS identifier, e.g. {@code ssm:DisPATCh}
     */
    public record ProcessInfo(String identifier, Name name, ProcessFactory factory, String title, String description,
            Map<String, Parameter<?>> inputs, Map<String, Parameter<?>> outputs) {

        /** The local part, e.g. {@code DisPATCh}. */
        public String localName() {
            return name.getLocalPart();
        }
    }

    private final Map<String, ProcessInfo> processes;

    private ProcessRegistry(Map<String, ProcessInfo> processes) {
        this.processes = processes;
    }

    /** Finds every {@code ssm:} process on the classpath. */
    public static ProcessRegistry discover() {
        return of(Processors.getProcessFactories());
    }

    /** The {@code ssm:} processes of the given factories. */
    public static ProcessRegistry of(Iterable<? extends ProcessFactory> factories) {
        List<ProcessInfo> found = new ArrayList<>();
        for (ProcessFactory factory : factories) {
            for (Name name : factory.getNames()) {
                if (!NAMESPACE.equals(name.getNamespaceURI())) {
                    continue;
                }
                found.add(new ProcessInfo(NAMESPACE + ":" + name.getLocalPart(), name, factory,
                        text(factory.getTitle(name)), text(factory.getDescription(name)),
                        factory.getParameterInfo(name), factory.getResultInfo(name, null)));
            }
        }
        found.sort(Comparator.comparing(ProcessInfo::identifier));
        Map<String, ProcessInfo> map = new LinkedHashMap<>();
        found.forEach(p -> map.put(p.identifier(), p));
        return new ProcessRegistry(map);
    }

    public List<ProcessInfo> all() {
        return List.copyOf(processes.values());
    }

    /** The process named {@code identifier}, or an InvalidParameterValue exception naming it. */
    public ProcessInfo get(String identifier, String locator) {
        ProcessInfo p = identifier == null ? null : processes.get(identifier);
        if (p == null) {
            throw OwsException.invalid(locator, "no process '" + identifier + "'; the processes are "
                    + String.join(", ", processes.keySet()));
        }
        return p;
    }

    private static String text(Object international) {
        return international == null ? "" : international.toString();
    }
}
