package com.herald.scheduling;

import java.util.List;

/** One page of runs (without their deliveries), newest first, and how many match in all. */
public record RunPage(List<Run> items, long total) {}
