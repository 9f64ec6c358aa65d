package dev.tradingsdk.kalshi;

/**
 * Kalshi's two environments, on the {@code external-api} hosts Kalshi recommends for API traders since 2026-05.
 * Keys are per environment: a demo key gets 401 on production.
 */
public enum KalshiEnvironment {
    PRODUCTION("https://external-api.kalshi.com/trade-api/v2", "wss://external-api-ws.kalshi.com/trade-api/ws/v2"),
    DEMO("https://external-api.demo.kalshi.co/trade-api/v2", "wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2");

    private final String restUrl;
    private final String webSocketUrl;

    KalshiEnvironment(String restUrl, String webSocketUrl) {
        this.restUrl = restUrl;
        this.webSocketUrl = webSocketUrl;
    }

    /** REST base URL including the {@code /trade-api/v2} prefix that requests sign. */
    public String restUrl() {
        return restUrl;
    }

    public String webSocketUrl() {
        return webSocketUrl;
    }
}
