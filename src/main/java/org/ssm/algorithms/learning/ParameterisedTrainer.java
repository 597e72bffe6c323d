package org.ssm.algorithms.learning;

import java.util.Map;
import org.ssm.core.ParameterException;

/**
 * The part every trainer configured by one parameters record has in common (RF, GBDT, DBN, BPNN):
 * the method's name, the record, required, and the provenance map taken from the record. It exists
 * so that these trainers hold only their fitting; the trainers whose provenance is not their
 * record's own map (GPR, MSR) implement {@link RegressorTrainer} directly.
 *
 * @param <P> the record of the method's parameters
 */
public abstract class ParameterisedTrainer<P extends TrainerParameters> implements RegressorTrainer {

    private final String method;
    /** The method's parameters, never null. */
    protected final P parameters;

    /**
     * @param method the method's name, see {@link #method()}
     * @param parameters the method's parameters
     * @param parametersType the record's name, for the message when {@code parameters} is missing
     * @throws ParameterException if {@code parameters} is null
     */
    protected ParameterisedTrainer(String method, P parameters, String parametersType) {
        if (parameters == null) {
            throw ParameterException.missing("parameters", parametersType + " (defaults() for the method's defaults)");
        }
        this.method = method;
        this.parameters = parameters;
    }

    @Override
    public final String method() {
        return method;
    }

    @Override
    public final Map<String, Object> parameters() {
        return parameters.toMap();
    }
}
