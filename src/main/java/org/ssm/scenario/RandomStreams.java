package org.ssm.scenario;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from one seed, keyed by component name and an integer (a day
 * or a station number), so that changing how much one component draws never shifts another's
 * numbers.
 */
final class RandomStreams {

    private final long seed;

    RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The stream of {@code component}. */
    SplittableRandom of(String component) {
        return of(component, 0);
    }

    /** The stream of {@code component} for {@code key}, e.g. an epoch day. */
    SplittableRandom of(String component, long key) {
        long h = mix(seed ^ (component.hashCode() * 0x9E3779B97F4A7C15L));
        return new SplittableRandom(mix(h + key * 0xBF58476D1CE4E5B9L));
    }

    /** The SplitMix64 finaliser: decorrelates nearby inputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
