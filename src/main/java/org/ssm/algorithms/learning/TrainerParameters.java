package org.ssm.algorithms.learning;

import java.util.Map;

/**
 * The parameters of a {@link ParameterisedTrainer}: an immutable record that can list itself by
 * public name, so that the trainer can store it in the model's provenance without knowing its fields.
 */
public interface TrainerParameters {

    /** The parameters by public name, as JSON-compatible values (seed included). */
    Map<String, Object> toMap();
}
