package com.herald.recipients;

import com.herald.identity.HeraldUser;
import java.util.List;
import java.util.UUID;

/**
 * Recipient lists as a user manages them (portal and API), with the rules of product.md §2 applied per
 * object: every method throws {@link RecipientListException} (NOT_FOUND for a list of a team the user
 * may not see, FORBIDDEN when they see it but may not change it).
 */
public interface RecipientListManager {

    int MAX_MEMBERS = 1000;
    int MAX_NAME = 100;
    int MAX_DESCRIPTION = 1000;
    int MAX_MEMBER_NAME = 200;

    /** Lists of the teams the user sees; {@code teamId} and {@code query} (name contains) are optional. */
    RecipientListPage search(HeraldUser user, UUID teamId, String query, int limit, int offset);

    RecipientList get(HeraldUser user, UUID listId);

    RecipientList create(HeraldUser user, RecipientListDraft draft);

    /** Saves the draft if the list is still at {@code expectedVersion} (null: whatever it is now). */
    RecipientList update(HeraldUser user, UUID listId, RecipientListDraft draft, Integer expectedVersion);

    void delete(HeraldUser user, UUID listId);

    /** The rules a draft breaks, without saving; {@code creating} also checks the team. */
    List<RecipientListProblem> check(HeraldUser user, RecipientListDraft draft, boolean creating);
}
