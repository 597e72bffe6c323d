package org.ssm.host.wps;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.geotools.api.data.Parameter;
import org.ssm.host.ows.OwsException;
import org.ssm.host.ows.XmlWriter;
import org.ssm.host.wps.ExecuteRequest.OutputRequest;
import org.ssm.host.wps.Run.StoredOutput;

/** Writes the WPS 1.0.0 ExecuteResponse of a run in its current state. */
final class ExecuteResponseWriter {

    private ExecuteResponseWriter() {}

    static byte[] write(Run run, boolean withStatusLocation) throws IOException {
        XmlWriter w = new XmlWriter(WpsDocuments.namespaces());
        w.start("wps:ExecuteResponse").attr("service", "WPS").attr("version", "1.0.0").attr("xml:lang", "en-US")
                .attr("serviceInstance", run.baseUrl + "/wps?service=WPS&request=GetCapabilities")
                .attr("statusLocation", withStatusLocation ? run.statusUrl() : null);
        w.start("wps:Process").attr("wps:processVersion", "1.0.0")
                .element("ows:Identifier", run.process.identifier()).element("ows:Title", run.process.title()).end();
        status(w, run);
        ExecuteRequest.ResponseForm form = run.request.response();
        if (form.lineage()) {
            lineage(w, run);
        }
        if (run.state() == Run.State.SUCCEEDED) {
            outputs(w, run);
        }
        w.end();
        return w.toBytes();
    }

    private static void status(XmlWriter w, Run run) {
        Instant time = run.finished() != null ? run.finished() : run.created;
        w.start("wps:Status").attr("creationTime", time.toString());
        switch (run.state()) {
            case ACCEPTED -> w.element("wps:ProcessAccepted", "Run " + run.id + " is queued");
            case RUNNING -> w.start("wps:ProcessStarted")
                    .attr("percentCompleted", Math.round(run.progress.getProgress()))
                    .text("Run " + run.id + " is running").end();
            case SUCCEEDED -> w.element("wps:ProcessSucceeded", "Run " + run.id + " succeeded; outputs published as "
                    + String.join(", ", run.layers().values()));
            case FAILED -> {
                OwsException e = run.failure();
                w.start("wps:ProcessFailed").start("ows:ExceptionReport").attr("version", "1.0.0")
                        .start("ows:Exception").attr("exceptionCode", e.code()).attr("locator", e.locator())
                        .element("ows:ExceptionText", e.getMessage()).end().end().end();
            }
        }
        w.end();
    }

    private static void lineage(XmlWriter w, Run run) {
        w.start("wps:DataInputs");
        for (ExecuteRequest.Input in : run.request.inputs()) {
            w.start("wps:Input").element("ows:Identifier", in.id()).element("ows:Title", in.id());
            if (in instanceof ExecuteRequest.Literal l) {
                w.start("wps:Data").element("wps:LiteralData", l.value()).end();
            } else if (in instanceof ExecuteRequest.Reference r) {
                w.start("wps:Reference").attr("xlink:href", r.href()).attr("method", r.method())
                        .attr("mimeType", r.mimeType()).end();
            } else if (in instanceof ExecuteRequest.Complex c) {
                // Inline documents are not echoed: they may be large; their format is.
                w.start("wps:Data").start("wps:ComplexData").attr("mimeType", c.mimeType()).end().end();
            }
            w.end();
        }
        w.end();
        w.start("wps:OutputDefinitions");
        for (OutputRequest o : requestedOutputs(run)) {
            w.start("wps:Output").attr("asReference", o.asReference()).attr("mimeType", o.mimeType())
                    .element("ows:Identifier", o.id()).end();
        }
        w.end();
    }

    private static void outputs(XmlWriter w, Run run) throws IOException {
        Map<String, StoredOutput> stored = run.outputs();
        Map<String, String> layers = run.layers();
        w.start("wps:ProcessOutputs");
        for (OutputRequest o : requestedOutputs(run)) {
            StoredOutput out = stored.get(o.id());
            if (out == null) {
                continue;
            }
            Parameter<?> p = run.process.outputs().get(o.id());
            w.start("wps:Output").element("ows:Identifier", o.id())
                    .element("ows:Title", p == null || p.title == null ? o.id() : p.title.toString());
            String layer = layers.get(o.id());
            if (layer != null && p != null && org.geotools.feature.FeatureCollection.class.isAssignableFrom(p.type)) {
                w.element("ows:Abstract", "Published as station layer " + layer + ": " + run.baseUrl
                        + "/wms?service=WMS&version=1.3.0&request=GetCapabilities");
            } else if (layer != null) {
                w.element("ows:Abstract", "Published as layer " + layer + ": " + run.baseUrl
                        + "/wms?service=WMS&version=1.3.0&request=GetCapabilities and " + run.baseUrl
                        + "/wcs?service=WCS&version=2.0.1&request=DescribeCoverage&coverageId=" + layer);
            }
            if (out.isLiteral()) {
                w.start("wps:Data").start("wps:LiteralData").attr("dataType",
                        p == null ? "xs:string" : WpsTypes.dataType(p.type)).text(out.literal()).end().end();
            } else if (o.asReference()) {
                w.start("wps:Reference").attr("href", run.outputUrl(out.file())).attr("mimeType", out.mimeType()).end();
            } else if (out.mimeType().startsWith("image/")) {
                w.start("wps:Data").start("wps:ComplexData").attr("mimeType", out.mimeType()).attr("encoding", "base64")
                        .text(Base64.getEncoder().encodeToString(Files.readAllBytes(run.dir.resolve(out.file()))))
                        .end().end();
            } else {
                w.start("wps:Data").start("wps:ComplexData").attr("mimeType", out.mimeType())
                        .text(Files.readString(run.dir.resolve(out.file()))).end().end();
            }
            w.end();
        }
        w.end();
    }

    /** The outputs the response document lists: those requested, or every output inline. */
    static List<OutputRequest> requestedOutputs(Run run) {
        List<OutputRequest> requested = run.request.response().outputs();
        if (!requested.isEmpty()) {
            return requested;
        }
        return run.process.outputs().keySet().stream().map(id -> new OutputRequest(id, false, null)).toList();
    }

    /** Fails unless every requested output exists and its format can be produced. */
    static void validateRequestedOutputs(ProcessRegistry.ProcessInfo process, ExecuteRequest.ResponseForm form) {
        List<OutputRequest> requested = form.isRaw() ? List.of(form.rawOutput()) : form.outputs();
        for (OutputRequest o : requested) {
            Parameter<?> p = process.outputs().get(o.id());
            if (p == null) {
                throw OwsException.invalid(o.id(), "process " + process.identifier() + " has no output '" + o.id()
                        + "'; its outputs are " + String.join(", ", process.outputs().keySet()));
            }
            if (o.mimeType() != null && WpsTypes.isComplex(p) && !WpsTypes.accepts(WpsTypes.formats(p), o.mimeType())) {
                throw OwsException.invalid(o.id(), "output " + o.id() + " cannot be produced as " + o.mimeType()
                        + "; formats: " + String.join(", ", WpsTypes.formats(p)));
            }
        }
        if (form.isRaw() && (form.store() || form.status())) {
            throw OwsException.invalid("storeExecuteResponse", "a RawDataOutput cannot be stored or run asynchronously;"
                    + " use a ResponseDocument");
        }
        if (form.status() && !form.store()) {
            throw OwsException.invalid("status", "status=true needs storeExecuteResponse=true");
        }
    }
}
