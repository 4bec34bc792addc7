package smsplatform.json;

import java.util.LinkedHashMap;
import java.util.Map;
import smsplatform.ports.Statistics;

/** One day of {@code GET /v1/statistics}. */
public final class StatisticsJson {

    private StatisticsJson() {}

    public static Map<String, Object> toApi(Statistics.Day day) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", day.date().toString());
        m.put("requested", day.requested());
        m.put("sent", day.sent());
        m.put("delivered", day.delivered());
        m.put("undelivered", day.undelivered());
        m.put("failed", day.failed());
        m.put("fee", day.fee());
        m.put("optedOut", day.optedOut());
        return m;
    }
}
