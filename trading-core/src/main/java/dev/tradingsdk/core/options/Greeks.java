package dev.tradingsdk.core.options;

/**
 * A mutable holder for one option's model price and greeks, filled in place by {@link Black76},
 * {@link BlackScholesMerton} and {@link OptionPricer} so a hot path can reuse one instance and allocate nothing.
 * These are model statistics in {@code double}, never money.
 *
 * <p>Units, per unit of the underlying (multiply by size × contract multiplier for a position): price in the
 * underlying's price units; delta ∂V/∂S; gamma ∂²V/∂S²; vega ∂V/∂σ per 1.00 of volatility (divide by 100 for
 * one vol point); theta −∂V/∂T per year (divide by 365 for a calendar day); rho ∂V/∂r per 1.00 of rate.
 * Not thread-safe.
 */
public final class Greeks {

    private double price;
    private double delta;
    private double gamma;
    private double vega;
    private double theta;
    private double rho;

    public double price() {
        return price;
    }

    public double delta() {
        return delta;
    }

    public double gamma() {
        return gamma;
    }

    public double vega() {
        return vega;
    }

    public double theta() {
        return theta;
    }

    public double rho() {
        return rho;
    }

    Greeks set(double price, double delta, double gamma, double vega, double theta, double rho) {
        this.price = price;
        this.delta = delta;
        this.gamma = gamma;
        this.vega = vega;
        this.theta = theta;
        this.rho = rho;
        return this;
    }

    @Override
    public String toString() {
        return "Greeks[price=" + price + " delta=" + delta + " gamma=" + gamma + " vega=" + vega + " theta=" + theta
                + " rho=" + rho + "]";
    }
}
