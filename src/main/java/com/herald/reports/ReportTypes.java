package com.herald.reports;

import com.herald.identity.HeraldUser;
import java.util.List;
import java.util.Optional;

/** Which report types a user may use: those granted to one of their teams; every one for a system admin. */
public interface ReportTypes {

    /** Usable report types, ordered by name, one page of them. */
    List<ReportTypeInfo> usableBy(HeraldUser user, int limit, int offset);

    /**
     * Usable report types whose name or key contains {@code query} (case-insensitive, LIKE wildcards match
     * themselves), ordered by name, at most {@code limit}.
     */
    List<ReportTypeInfo> searchUsable(HeraldUser user, String query, int limit);

    /** How many report types the user may use. */
    long countUsableBy(HeraldUser user);

    /** The report type with that key, if it exists and the user may use it; otherwise empty (answer 404). */
    Optional<ReportTypeInfo> findUsable(HeraldUser user, String key);
}
