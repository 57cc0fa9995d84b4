package com.herald.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place that answers "may this user do that in this team" (product.md §2). Every controller and
 * API method asks it per object; an object of a team the user may not see is answered with 404.
 */
public interface TeamAccess {

    /** The user's role in the team; empty when not a member (system admins included). */
    Optional<TeamRole> roleIn(HeraldUser user, UUID teamId);

    /** Teams whose objects the user sees: all teams for a system admin, else their memberships. */
    List<TeamSummary> visibleTeams(HeraldUser user);

    /** View schedules, runs, deliveries, lists; download artifacts; subscribe self. */
    default boolean canView(HeraldUser user, UUID teamId) {
        return user.systemAdmin() || roleIn(user, teamId).isPresent();
    }

    /** Create schedules and recipient lists; edit and delete recipient lists. */
    default boolean canEdit(HeraldUser user, UUID teamId) {
        return user.systemAdmin()
                || roleIn(user, teamId).map(r -> r.atLeast(TeamRole.EDITOR)).orElse(false);
    }

    /** Edit, pause, run or delete a schedule: its owner if EDITOR, any TEAM_ADMIN, a system admin. */
    default boolean canManageSchedule(HeraldUser user, UUID teamId, UUID ownerId) {
        if (user.systemAdmin()) {
            return true;
        }
        Optional<TeamRole> role = roleIn(user, teamId);
        return role.map(r -> r == TeamRole.TEAM_ADMIN
                        || (r == TeamRole.EDITOR && user.id().equals(ownerId)))
                .orElse(false);
    }

    /** Invite, remove and change roles of members; transfer schedule ownership. */
    default boolean canAdminister(HeraldUser user, UUID teamId) {
        return user.systemAdmin()
                || roleIn(user, teamId).map(r -> r == TeamRole.TEAM_ADMIN).orElse(false);
    }
}
