package org.ssm.algorithms.collocation;

import java.util.List;
import org.ssm.core.ParameterException;

/**
 * The classic (Stoffelen 1998; Gruber et al. 2016) and extended (McColl et al. 2014) triple
 * collocation estimates of one triplet of series.
 *
 * @param triplets number of complete triplets used
 * @param reference index (0, 1 or 2) of the member the scaling factors rescale to
 * @param members the estimates of members 0, 1 and 2
 * @param validity whether the estimates satisfy the error model (see {@link TcValidity})
 */
public record TcEstimate(int triplets, int reference, List<MemberEstimate> members, TcValidity validity) {

    public TcEstimate {
        members = List.copyOf(members);
        if (members.size() != 3) {
            throw new ParameterException("members", members.size(), "three member estimates");
        }
        ParameterException.requireInRange("reference", reference, 0, 2);
        if (validity == null) {
            throw ParameterException.missing("validity", "a validity");
        }
    }

    /** The estimate of member {@code i} (0, 1 or 2). */
    public MemberEstimate member(int i) {
        return members.get(i);
    }

    public boolean isValid() {
        return validity == TcValidity.VALID;
    }
}
