package com.herald.recipients;

import java.util.List;
import java.util.UUID;

/**
 * What a user wants a list to be. On update, {@code teamId} must be the list's team (or null) and
 * {@code members == null} keeps the members as they are; a members list replaces them all. An address
 * already in the list keeps its status (an unsubscribed address stays unsubscribed).
 */
public record RecipientListDraft(UUID teamId, String name, String description, List<RecipientInput> members) {}
