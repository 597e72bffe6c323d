package org.ssm.host.wps;

import java.util.List;
import org.w3c.dom.Element;

/**
 * A parsed WPS 1.0.0 Execute request, from KVP or XML.
 *
 * @param identifier the process identifier, e.g. {@code ssm:DisPATCh}
 * @param inputs the inputs in request order (an input may repeat)
 * @param response how to respond
 */
public record ExecuteRequest(String identifier, List<Input> inputs, ResponseForm response) {

    public ExecuteRequest {
        inputs = List.copyOf(inputs);
    }

    /** One input value. */
    public sealed interface Input permits Literal, Complex, Reference {
        String id();
    }

    /** A literal value, e.g. {@code 0.006}. */
    public record Literal(String id, String value) implements Input {}

    /**
     * Inline complex data.
     *
     * @param text the element's text content (base64 when {@code encoding} is base64)
     * @param xml the element's first child element when the content is XML, else null
     */
    public record Complex(String id, String mimeType, String encoding, String text, Element xml) implements Input {}

    /**
     * A reference to fetch.
     *
     * @param method GET or POST
     * @param body the POST body: an element (e.g. a nested {@code wps:Execute}) or text, either may be null
     */
    public record Reference(String id, String href, String method, String mimeType, String encoding, Element bodyXml,
            String bodyText) implements Input {}

    /** A requested output. */
    public record OutputRequest(String id, boolean asReference, String mimeType) {}

    /**
     * The response form: either one raw output, or a response document.
     *
     * @param rawOutput the output to return raw, or null for a response document
     * @param store whether to store the response document (storeExecuteResponse)
     * @param status whether to run asynchronously with status updates
     * @param lineage whether to echo inputs and output definitions
     * @param outputs the outputs of the response document (empty: all, inline)
     */
    public record ResponseForm(OutputRequest rawOutput, boolean store, boolean status, boolean lineage,
            List<OutputRequest> outputs) {

        public ResponseForm {
            outputs = List.copyOf(outputs);
        }

        /** A response document with every output inline. */
        public static ResponseForm document() {
            return new ResponseForm(null, false, false, false, List.of());
        }

        public boolean isRaw() {
            return rawOutput != null;
        }

        public boolean isAsync() {
            return store && status;
        }
    }
}
