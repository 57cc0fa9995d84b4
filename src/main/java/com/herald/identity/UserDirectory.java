package com.herald.identity;

import java.util.List;

/** Read access to users for other modules (the API, the dashboard). */
public interface UserDirectory {

    List<UserSummary> list(int limit, int offset);

    long count();
}
