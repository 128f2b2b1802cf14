package io.agentobs.bench;

/** A Prometheus text exposition (a service's {@code /actuator/prometheus}), summed over series by name and label. */
record PrometheusText(String text) {

    /** Sum of every sample named {@code name} whose labels contain {@code labelFilter} (empty: all). */
    double sum(String name, String labelFilter) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            String seriesName = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            if (seriesName.equals(name) && series.contains(labelFilter)) {
                total += Double.parseDouble(line.substring(space + 1));
            }
        }
        return total;
    }

    /** {@link #sum} in {@code after} minus the same in {@code before} (null: nothing before). */
    static double delta(PrometheusText before, PrometheusText after, String name, String labelFilter) {
        return after.sum(name, labelFilter) - (before == null ? 0 : before.sum(name, labelFilter));
    }
}
