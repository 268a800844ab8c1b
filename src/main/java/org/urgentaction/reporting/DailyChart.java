package org.urgentaction.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * Actions per day as bars, laid out on the server so the page needs no script and no chart
 * library. Coordinates are in the SVG's own units; the page scales it to the screen.
 */
public record DailyChart(int width, int height, long max, List<Bar> bars, List<Tick> ticks) {

    public record Bar(double x, double y, double width, double height, String day, long actions) {}

    public record Tick(double y, long value) {}

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    static final int AXIS = 40;

    static DailyChart of(List<ActionStatistics.Day> days) {
        long max = Math.max(
                1, days.stream().mapToLong(ActionStatistics.Day::actions).max().orElse(0));
        double slot = (double) (WIDTH - AXIS) / Math.max(1, days.size());
        double plot = HEIGHT - 20;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            ActionStatistics.Day day = days.get(i);
            double height = plot * day.actions() / max;
            bars.add(new Bar(
                    AXIS + i * slot + slot * 0.1,
                    plot - height,
                    Math.max(1, slot * 0.8),
                    height,
                    day.day().toString(),
                    day.actions()));
        }
        List<Tick> ticks = List.of(new Tick(plot, 0), new Tick(plot / 2, max / 2), new Tick(0, max));
        return new DailyChart(WIDTH, HEIGHT, max, bars, ticks);
    }
}
