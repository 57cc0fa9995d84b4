package com.herald.recipients;

import java.util.List;

/** One page of a search, with the total number of matches. */
public record RecipientListPage(List<RecipientListSummary> items, long total) {}
