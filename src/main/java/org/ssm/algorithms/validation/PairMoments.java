package org.ssm.algorithms.validation;

/**
 * The sufficient statistics of a sample of (estimated x, observed y) pairs for the metrics of
 * paper E §3.4 (eq. 12–15) and paper B Table S1: counts, plain sums of the differences d = x − y
 * and of |d| and d², means, centred sums of squares and the co-moment, and the extremes.
 *
 * <p>Immutable. Samples are built two-pass from arrays (means first, then centred sums, which
 * keeps the sums of squares accurate when the variance is small against the mean) and combined
 * with {@link #plus} by the pairwise update of Chan, Golub and LeVeque (1979), so that the pooled
 * statistics of many stations or many dates equal those of one pass over all their pairs, up to
 * rounding, without holding the pairs. Only pairs where both values are finite count.
 */
public final class PairMoments {

    /** No pairs. */
    public static final PairMoments EMPTY = new PairMoments();

    private final long n;
    private final double sumD;
    private final double sumAbsD;
    private final double sumSqD;
    private final double meanX;
    private final double meanY;
    private final double meanD;
    private final double m2X;
    private final double m2Y;
    private final double m2D;
    private final double cXY;
    private final double minX;
    private final double maxX;
    private final double minY;
    private final double maxY;

    private PairMoments() {
        this(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    private PairMoments(long n, double sumD, double sumAbsD, double sumSqD, double meanX, double meanY, double meanD,
            double m2X, double m2Y, double m2D, double cXY, double minX, double maxX, double minY, double maxY) {
        this.n = n;
        this.sumD = sumD;
        this.sumAbsD = sumAbsD;
        this.sumSqD = sumSqD;
        this.meanX = meanX;
        this.meanY = meanY;
        this.meanD = meanD;
        this.m2X = m2X;
        this.m2Y = m2Y;
        this.m2D = m2D;
        this.cXY = cXY;
        this.minX = minX;
        this.maxX = maxX;
        this.minY = minY;
        this.maxY = maxY;
    }

    /** The pairs (estimated[i], observed[i]) where both are finite. */
    public static PairMoments of(double[] estimated, double[] observed) {
        return of(new Values(estimated, observed));
    }

    /** The pairs (estimated[i], observed[i]) where both are finite (e.g. two bands of one grid). */
    public static PairMoments of(float[] estimated, float[] observed) {
        return of(new Values(estimated, observed));
    }

    /** Adapts float and double arrays to one two-pass loop. */
    private static final class Values {
        private final double[] dx;
        private final double[] dy;
        private final float[] fx;
        private final float[] fy;
        private final int length;

        Values(double[] x, double[] y) {
            requireSameLength(x.length, y.length);
            dx = x;
            dy = y;
            fx = null;
            fy = null;
            length = x.length;
        }

        Values(float[] x, float[] y) {
            requireSameLength(x.length, y.length);
            dx = null;
            dy = null;
            fx = x;
            fy = y;
            length = x.length;
        }

        private static void requireSameLength(int a, int b) {
            if (a != b) {
                throw new IllegalArgumentException(a + " estimated values for " + b + " observed values");
            }
        }

        double x(int i) {
            return dx != null ? dx[i] : fx[i];
        }

        double y(int i) {
            return dy != null ? dy[i] : fy[i];
        }
    }

    private static PairMoments of(Values v) {
        long n = 0;
        double sx = 0;
        double sy = 0;
        double sd = 0;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            double x = v.x(i);
            double y = v.y(i);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                n++;
                sx += x;
                sy += y;
                sd += x - y;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        if (n == 0) {
            return EMPTY;
        }
        // A constant series must have zero deviations exactly; sum / n may miss its value by an ulp.
        double mx = minX == maxX ? minX : sx / n;
        double my = minY == maxY ? minY : sy / n;
        double md = sd / n;
        double m2x = 0;
        double m2y = 0;
        double m2d = 0;
        double cxy = 0;
        double sumAbs = 0;
        double sumSq = 0;
        for (int i = 0; i < v.length; i++) {
            double x = v.x(i);
            double y = v.y(i);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                double ex = x - mx;
                double ey = y - my;
                double d = x - y;
                double ed = d - md;
                m2x += ex * ex;
                m2y += ey * ey;
                cxy += ex * ey;
                m2d += ed * ed;
                sumAbs += Math.abs(d);
                sumSq += d * d;
            }
        }
        return new PairMoments(n, sd, sumAbs, sumSq, mx, my, md, m2x, m2y, m2d, cxy, minX, maxX, minY, maxY);
    }

    /** The statistics of this sample and {@code other} together. */
    public PairMoments plus(PairMoments other) {
        if (other.n == 0) {
            return this;
        }
        if (n == 0) {
            return other;
        }
        long total = n + other.n;
        double wa = (double) other.n / total;
        double cross = (double) n * other.n / total;
        double dx = other.meanX - meanX;
        double dy = other.meanY - meanY;
        double dd = other.meanD - meanD;
        return new PairMoments(total, sumD + other.sumD, sumAbsD + other.sumAbsD, sumSqD + other.sumSqD,
                meanX + dx * wa, meanY + dy * wa, meanD + dd * wa,
                m2X + other.m2X + dx * dx * cross, m2Y + other.m2Y + dy * dy * cross,
                m2D + other.m2D + dd * dd * cross, cXY + other.cXY + dx * dy * cross,
                Math.min(minX, other.minX), Math.max(maxX, other.maxX),
                Math.min(minY, other.minY), Math.max(maxY, other.maxY));
    }

    /** Number of pairs. */
    public long count() {
        return n;
    }

    /** Mean of the estimated values (NaN without pairs). */
    public double meanEstimated() {
        return n == 0 ? Double.NaN : meanX;
    }

    /** Mean of the observed values (NaN without pairs). */
    public double meanObserved() {
        return n == 0 ? Double.NaN : meanY;
    }

    /** Sample standard deviation (n − 1) of the estimated values; NaN below 2 pairs. */
    public double sdEstimated() {
        return n < 2 ? Double.NaN : Math.sqrt(m2X / (n - 1));
    }

    /** Sample standard deviation (n − 1) of the observed values; NaN below 2 pairs. */
    public double sdObserved() {
        return n < 2 ? Double.NaN : Math.sqrt(m2Y / (n - 1));
    }

    /** Smallest and largest estimated and observed values: {minX, maxX, minY, maxY}; infinite without pairs. */
    public double[] extremes() {
        return new double[] {minX, maxX, minY, maxY};
    }

    /** Whether every estimated value is the same (exactly). */
    boolean estimatedConstant() {
        return minX == maxX;
    }

    /** Whether every observed value is the same (exactly). */
    boolean observedConstant() {
        return minY == maxY;
    }

    double sumD() {
        return sumD;
    }

    double sumAbsD() {
        return sumAbsD;
    }

    double sumSqD() {
        return sumSqD;
    }

    double m2X() {
        return m2X;
    }

    double m2Y() {
        return m2Y;
    }

    double m2D() {
        return m2D;
    }

    double cXY() {
        return cXY;
    }

    /** The metrics of these pairs. */
    public Metrics metrics() {
        return Metrics.of(this);
    }
}
