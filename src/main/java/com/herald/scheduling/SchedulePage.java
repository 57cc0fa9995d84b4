package com.herald.scheduling;

import java.util.List;

/** One page of schedules and how many match in all. */
public record SchedulePage(List<Schedule> items, long total) {}
