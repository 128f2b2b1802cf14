package io.agentobs.consumer.logging;

import java.util.Map;
import java.util.TreeMap;

import io.agentobs.consumer.dlq.DeadLetter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs dead-lettered records in aggregate (seed 003): per interval one line with the count by error class and one
 * sample, never one line per record, so a flood of bad input cannot flood the log. Record values are never logged.
 */
public class BadRecordLog {

    private static final Logger log = LoggerFactory.getLogger(BadRecordLog.class);

    private final Map<String, Integer> countsByClass = new TreeMap<>();
    private DeadLetter sample;
    private int total;

    /** Counts one dead letter towards the next summary. */
    public synchronized void record(DeadLetter letter) {
        countsByClass.merge(letter.errorClass(), 1, Integer::sum);
        total++;
        if (sample == null) {
            sample = letter;
        }
    }

    /** Logs and resets the summary; does nothing when no record was dead-lettered since the last call. */
    public void flush() {
        int count;
        Map<String, Integer> byClass;
        DeadLetter first;
        synchronized (this) {
            if (total == 0) {
                return;
            }
            count = total;
            byClass = new TreeMap<>(countsByClass);
            first = sample;
            total = 0;
            countsByClass.clear();
            sample = null;
        }
        log.warn("Dead-lettered {} bad record(s) since last report {}; sample {} {}: {}",
                count, byClass, first.coordinates(), first.errorClass(), first.errorMessage());
    }
}
