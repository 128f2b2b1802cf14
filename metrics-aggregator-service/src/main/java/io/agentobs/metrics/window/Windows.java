package io.agentobs.metrics.window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The resolutions every event is counted into (the base window of {@code WINDOW_SIZE_SECONDS}, then 1 min, 5 min and
 * 1 h) and the late rule: an event whose base window ended more than the grace period before its partition's
 * watermark is late.
 */
public final class Windows {

    /** The 5-minute resolution, which seed 001's {@code metrics:routing:count:5min} reads. */
    public static final long FIVE_MINUTES = 300;

    private final List<Resolution> resolutions;
    private final long graceMillis;

    /**
     * @param resolutions base window first; coarser ones after it, each counted independently
     * @param grace how far behind the watermark a base window may end and still be counted
     */
    public Windows(List<Resolution> resolutions, Duration grace) {
        if (resolutions.isEmpty()) {
            throw new IllegalArgumentException("at least one resolution");
        }
        this.resolutions = List.copyOf(resolutions);
        this.graceMillis = grace.toMillis();
    }

    /**
     * The base window and 1 min, 5 min, 1 h with their TTLs; a roll-up equal to the base window is left out, so a
     * 60 s base window is not counted twice.
     */
    public static Windows of(Duration base, Duration baseTtl, Duration oneMinuteTtl, Duration fiveMinutesTtl,
                             Duration oneHourTtl, Duration grace) {
        List<Resolution> resolutions = new ArrayList<>();
        resolutions.add(new Resolution(base.toSeconds(), baseTtl));
        addIfNew(resolutions, new Resolution(60, oneMinuteTtl));
        addIfNew(resolutions, new Resolution(FIVE_MINUTES, fiveMinutesTtl));
        addIfNew(resolutions, new Resolution(3600, oneHourTtl));
        return new Windows(resolutions, grace);
    }

    private static void addIfNew(List<Resolution> resolutions, Resolution candidate) {
        if (resolutions.stream().noneMatch(r -> r.seconds() == candidate.seconds())) {
            resolutions.add(candidate);
        }
    }

    public List<Resolution> resolutions() {
        return resolutions;
    }

    /** The base (finest) resolution. */
    public Resolution base() {
        return resolutions.get(0);
    }

    /** The 5-minute resolution. */
    public Resolution fiveMinutes() {
        return resolutions.stream().filter(r -> r.seconds() == FIVE_MINUTES).findFirst().orElseThrow();
    }

    /**
     * Whether an event at {@code eventMillis} is late: its base window ended more than the grace period before the
     * watermark its partition had before this event ({@code null}: no event seen yet, nothing is late).
     */
    public boolean isLate(long eventMillis, Long watermarkBefore) {
        return watermarkBefore != null && base().windowEndMillis(eventMillis) + graceMillis < watermarkBefore;
    }
}
