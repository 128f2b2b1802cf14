package io.agentobs.dbwriter.reconcile;

import java.util.List;

/**
 * How many items a report found, and the first of them it lists ({@code --max-listed}).
 *
 * @param total every item found
 * @param items the listed ones, at most the limit
 * @param <T> the item type
 */
public record Listed<T>(long total, List<T> items) {

    public Listed {
        items = List.copyOf(items);
    }

    /** The first {@code max} of {@code all}, which is already in listing order. */
    public static <T> Listed<T> firstOf(List<T> all, int max) {
        return new Listed<>(all.size(), all.subList(0, Math.min(max, all.size())));
    }

    /** Items not listed. */
    public long unlisted() {
        return total - items.size();
    }
}
