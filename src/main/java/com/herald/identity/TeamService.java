package com.herald.identity;

import com.herald.identity.internal.TeamRepository;
import com.herald.identity.internal.UserRepository;
import com.herald.platform.InvalidRequest;
import com.herald.platform.NotFoundException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams and their members (product.md §1, §2). A team the caller may not see is a {@link NotFoundException}. */
@Service
public class TeamService {

    private final TeamRepository teams;
    private final UserRepository users;
    private final AccountService accounts;
    private final AuditLog audit;

    TeamService(TeamRepository teams, UserRepository users, AccountService accounts, AuditLog audit) {
        this.teams = teams;
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
    }

    public List<Team> list(HeraldUser caller, String query, int limit, int offset) {
        return teams.visible(caller, blankToNull(query), limit, offset);
    }

    public long count(HeraldUser caller, String query) {
        return teams.countVisible(caller, blankToNull(query));
    }

    public Team get(HeraldUser caller, UUID id) {
        if (!teams.canView(caller, id)) {
            throw new NotFoundException();
        }
        return teams.find(id).orElseThrow(NotFoundException::new);
    }

    public List<Member> members(HeraldUser caller, UUID teamId) {
        get(caller, teamId);
        return teams.members(teamId);
    }

    public boolean canAdminister(HeraldUser caller, UUID teamId) {
        return teams.canAdminister(caller, teamId);
    }

    @Transactional
    public Team create(HeraldUser caller, String name) {
        requireSystemAdmin(caller);
        String clean = checkName(name);
        UUID id;
        try {
            id = teams.create(clean, slug(clean));
        } catch (DuplicateKeyException e) {
            throw InvalidRequest.of("name", "validation.team.taken");
        }
        audit.record(AuditEvent.of("team.created", "team", id, clean)
                .inTeam(id)
                .withChanges(Map.of(), Map.of("name", clean)));
        return teams.find(id).orElseThrow();
    }

    @Transactional
    public Team rename(HeraldUser caller, UUID id, String name) {
        Team before = get(caller, id);
        requireSystemAdmin(caller);
        String clean = checkName(name);
        try {
            teams.rename(id, clean, slug(clean));
        } catch (DuplicateKeyException e) {
            throw InvalidRequest.of("name", "validation.team.taken");
        }
        audit.record(AuditEvent.of("team.updated", "team", id, clean)
                .inTeam(id)
                .withChanges(Map.of("name", before.name()), Map.of("name", clean)));
        return teams.find(id).orElseThrow();
    }

    @Transactional
    public void delete(HeraldUser caller, UUID id) {
        Team team = get(caller, id);
        requireSystemAdmin(caller);
        teams.delete(id);
        audit.record(AuditEvent.of("team.deleted", "team", id, team.name()).inTeam(id));
    }

    /**
     * Adds a member or changes their role. An address without an account gets one and an invitation
     * email; an existing user is added as is.
     */
    @Transactional
    public Member putMember(HeraldUser caller, UUID teamId, String email, TeamRole role, String baseUrl) {
        Team team = get(caller, teamId);
        requireAdministrator(caller, teamId);
        if (role == null) {
            throw InvalidRequest.of("role", "validation.role.required");
        }
        String normalized = UserRepository.normalize(email);
        List<InvalidRequest.Problem> problems = new ArrayList<>();
        AccountService.checkEmail(normalized, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        UUID userId = users.findByEmail(normalized).map(HeraldUser::id).orElseGet(() -> accounts.create(
                        new AccountService.NewUser(
                                normalized, normalized.substring(0, normalized.indexOf('@')), false, null, null, null),
                        caller.email(),
                        baseUrl)
                .id());
        return setRole(caller, team, userId, normalized, role);
    }

    @Transactional
    public Member changeRole(HeraldUser caller, UUID teamId, UUID userId, TeamRole role) {
        Team team = get(caller, teamId);
        requireAdministrator(caller, teamId);
        if (role == null) {
            throw InvalidRequest.of("role", "validation.role.required");
        }
        String email = users.account(userId).map(UserAccount::email).orElseThrow(NotFoundException::new);
        return setRole(caller, team, userId, email, role);
    }

    private Member setRole(HeraldUser caller, Team team, UUID userId, String email, TeamRole role) {
        TeamRole before = teams.role(team.id(), userId).orElse(null);
        if (before == TeamRole.TEAM_ADMIN && role != TeamRole.TEAM_ADMIN) {
            checkNotLastAdmin(caller, team.id());
        }
        teams.putMember(team.id(), userId, role);
        audit.record(
                AuditEvent.of(before == null ? "membership.created" : "membership.updated", "membership", userId, email)
                        .inTeam(team.id())
                        .withChanges(
                                before == null ? Map.of() : Map.of("role", before.name()),
                                Map.of("role", role.name(), "team", team.name())));
        return teams.members(team.id()).stream()
                .filter(m -> m.userId().equals(userId))
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public void removeMember(HeraldUser caller, UUID teamId, UUID userId) {
        Team team = get(caller, teamId);
        requireAdministrator(caller, teamId);
        TeamRole role = teams.role(teamId, userId).orElseThrow(NotFoundException::new);
        if (role == TeamRole.TEAM_ADMIN) {
            checkNotLastAdmin(caller, teamId);
        }
        String email = users.account(userId).map(UserAccount::email).orElse(null);
        teams.removeMember(teamId, userId);
        audit.record(AuditEvent.of("membership.deleted", "membership", userId, email)
                .inTeam(teamId)
                .withChanges(Map.of("role", role.name(), "team", team.name()), Map.of("role", "")));
    }

    /** A team keeps at least one team admin, unless a system admin decides otherwise. */
    private void checkNotLastAdmin(HeraldUser caller, UUID teamId) {
        if (!caller.systemAdmin() && teams.countAdmins(teamId) <= 1) {
            throw InvalidRequest.of("role", "validation.team.lastAdmin");
        }
    }

    private void requireAdministrator(HeraldUser caller, UUID teamId) {
        if (!teams.canAdminister(caller, teamId)) {
            throw new AccessDeniedException("not a team admin");
        }
    }

    private static void requireSystemAdmin(HeraldUser caller) {
        if (!caller.systemAdmin()) {
            throw new AccessDeniedException("not a system admin");
        }
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidRequest.of("name", "validation.name.required");
        }
        String clean = name.trim();
        if (clean.length() > 100 || clean.chars().anyMatch(Character::isISOControl)) {
            throw InvalidRequest.of("name", "validation.team.nameInvalid");
        }
        return clean;
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.isEmpty()) {
            slug = "team";
        }
        return slug.length() > 80 ? slug.substring(0, 80) : slug;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
