package com.herald.recipients.web;

/**
 * The create and edit form as typed: the team id as text (a broken value is a field error, not a
 * binding failure), the members box verbatim, and the version the edit started from.
 */
record RecipientListForm(String teamId, String name, String description, String members, Integer version) {

    static RecipientListForm empty(String teamId) {
        return new RecipientListForm(teamId, "", "", "", null);
    }
}
