package org.ssm.algorithms.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.core.ParameterException;
import org.ssm.core.Json;

/**
 * A trained downscaling model as a document: the method, the named predictors in order, their
 * normalisation, the regressor on the normalised predictors, the normalisation of the target, and
 * free-form provenance (training period, stations, cross-validation scores, seed).
 *
 * <p>Prediction is {@code target.inverse(regressor(features.apply(x)))}. The JSON form is complete:
 * a model read back predicts bit for bit what the trained one did (SPEC §4: "a trained downscaler
 * is a JSON document").
 *
 * @param method the method name, e.g. "RF", "GBDT", "DBN"
 * @param predictors predictor names in input order, e.g. ["lst", "ndvi", "doy"]
 * @param features normalisation of the predictors
 * @param target normalisation of the target
 * @param regressor the fitted function of the normalised predictors
 * @param provenance anything worth keeping about the training (JSON-compatible values)
 */
public record FittedModel(String method, List<String> predictors, Normalization features, Normalization target,
        Regressor regressor, Map<String, Object> provenance) {

    /** Version of the document format written by {@link #toJson()}. */
    public static final int FORMAT_VERSION = 1;

    public FittedModel {
        predictors = List.copyOf(predictors);
        // Insertion order, so that the document's text is the same in every run (Map.copyOf is unordered).
        provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        if (features.size() != predictors.size() || regressor.inputs() != predictors.size() || target.size() != 1) {
            throw new IllegalArgumentException("model parts disagree: " + predictors.size() + " predictors, "
                    + features.size() + " feature scales, a regressor of " + regressor.inputs() + " inputs and "
                    + target.size() + " target scales");
        }
    }

    /** The prediction for one row of raw predictors. */
    public double predict(double[] x) {
        return target.inverse(0, regressor.predict(features.apply(x)));
    }

    /**
     * Predictions for {@code rows} rows of raw predictors stored row-major in {@code x}, written to
     * {@code out}; {@code x} is normalised in place.
     */
    public void predictInPlace(double[] x, int rows, double[] out) {
        features.applyInPlace(x, rows);
        regressor.predict(x, rows, out);
        for (int r = 0; r < rows; r++) {
            out[r] = target.inverse(0, out[r]);
        }
    }

    /** The JSON document. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "ssm-model");
        m.put("version", FORMAT_VERSION);
        m.put("method", method);
        m.put("predictors", predictors);
        m.put("features", features.toJson());
        m.put("target", target.toJson());
        m.put("regressor", regressor.toJson());
        m.put("provenance", provenance);
        return Json.write(m);
    }

    /** Reads a model document; errors name {@code parameter}. */
    @SuppressWarnings("unchecked")
    public static FittedModel fromJson(String parameter, String json) {
        Map<String, Object> m;
        try {
            m = Json.parseObject(json);
        } catch (Json.JsonException e) {
            throw ParameterException.because(parameter, "not a JSON model document: " + e.getMessage());
        }
        if (!"ssm-model".equals(m.get("format"))) {
            throw new ParameterException(parameter, m.get("format"), "a model document with \"format\": \"ssm-model\"");
        }
        if (!(m.get("version") instanceof Number v) || v.intValue() != FORMAT_VERSION) {
            throw new ParameterException(parameter, m.get("version"), "model format version " + FORMAT_VERSION);
        }
        try {
            List<String> predictors = new ArrayList<>();
            for (Object p : (List<Object>) m.get("predictors")) {
                predictors.add(p.toString());
            }
            return new FittedModel(m.get("method").toString(), predictors,
                    Normalization.fromJson((Map<String, Object>) m.get("features")),
                    Normalization.fromJson((Map<String, Object>) m.get("target")),
                    Models.regressor(parameter, (Map<String, Object>) m.get("regressor")),
                    (Map<String, Object>) m.getOrDefault("provenance", Map.of()));
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            if (e instanceof ParameterException pe) {
                throw pe;
            }
            throw ParameterException.because(parameter, "malformed model document (" + e.getMessage() + ")");
        }
    }
}
