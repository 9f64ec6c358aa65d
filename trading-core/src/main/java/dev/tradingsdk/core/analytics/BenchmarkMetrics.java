package dev.tradingsdk.core.analytics;

/**
 * A run against a benchmark, over the same periods (the benchmark aligned to the equity samples):
 * <ul>
 * <li>{@code benchmark}: the benchmark's own {@link ReturnMetrics};</li>
 * <li>excess return {@code R_strategy − R_benchmark} (total) and excess CAGR likewise;</li>
 * <li>beta {@code cov(r_s, r_b) / var(r_b)} and correlation {@code cov(r_s, r_b) / (σ_s·σ_b)} of the period
 * returns (sample moments);</li>
 * <li>alpha, annualized: {@code (mean(r_s) − beta·mean(r_b))·P}.</li>
 * </ul>
 * Undefined figures (fewer than two periods, a flat series) are NaN.
 */
public record BenchmarkMetrics(String name, ReturnMetrics benchmark, double excessReturn, double excessCagr,
                               double beta, double correlation, double alpha) {

    public static BenchmarkMetrics compute(EquityCurve curve, Benchmark benchmark, ReturnMetrics strategy) {
        double[] b = benchmark.alignedTo(curve);
        double[] rb = new double[Math.max(0, b.length - 1)];
        for (int i = 1; i < b.length; i++) {
            rb[i - 1] = b[i] / b[i - 1] - 1;
        }
        double[] rs = curve.returns();
        ReturnMetrics bm = ReturnMetrics.of(rb, strategy.periodsPerYear());
        int n = rs.length;
        double ms = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ms += rs[i];
            mb += rb[i];
        }
        ms /= n;
        mb /= n;
        double cov = 0;
        double vs = 0;
        double vb = 0;
        for (int i = 0; i < n; i++) {
            cov += (rs[i] - ms) * (rb[i] - mb);
            vs += (rs[i] - ms) * (rs[i] - ms);
            vb += (rb[i] - mb) * (rb[i] - mb);
        }
        double beta = n < 2 || vb == 0 ? Double.NaN : cov / vb;
        double correlation = n < 2 || vb == 0 || vs == 0 ? Double.NaN : cov / Math.sqrt(vs * vb);
        double alpha = Double.isNaN(beta) ? Double.NaN : (ms - beta * mb) * strategy.periodsPerYear();
        return new BenchmarkMetrics(benchmark.name(), bm, strategy.totalReturn() - bm.totalReturn(),
                strategy.cagr() - bm.cagr(), beta, correlation, alpha);
    }
}
