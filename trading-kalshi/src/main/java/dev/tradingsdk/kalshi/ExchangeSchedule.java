package dev.tradingsdk.kalshi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /exchange/schedule}: the weekly trading hours (in US Eastern time, as Kalshi publishes them) for
 * each period they apply to, and the announced maintenance windows.
 */
public record ExchangeSchedule(List<StandardHours> standardHours, List<MaintenanceWindow> maintenanceWindows) {

    public ExchangeSchedule {
        standardHours = List.copyOf(standardHours);
        maintenanceWindows = List.copyOf(maintenanceWindows);
    }

    /** The trading sessions of each weekday, valid from {@code start} to {@code end}. */
    public record StandardHours(Instant start, Instant end, Map<DayOfWeek, List<Session>> sessions) {
        public StandardHours {
            sessions = Map.copyOf(sessions);
        }
    }

    /** One open-to-close session of a day (a close before the open runs past midnight). */
    public record Session(LocalTime open, LocalTime close) {
    }

    /** A period when the exchange is down. */
    public record MaintenanceWindow(Instant start, Instant end) {
    }
}
