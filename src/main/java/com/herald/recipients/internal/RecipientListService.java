package com.herald.recipients.internal;

import com.herald.identity.AuditEvent;
import com.herald.identity.AuditLog;
import com.herald.identity.HeraldUser;
import com.herald.identity.TeamAccess;
import com.herald.identity.TeamSummary;
import com.herald.platform.Ids;
import com.herald.recipients.Recipient;
import com.herald.recipients.RecipientInput;
import com.herald.recipients.RecipientList;
import com.herald.recipients.RecipientListDraft;
import com.herald.recipients.RecipientListException;
import com.herald.recipients.RecipientListException.Kind;
import com.herald.recipients.RecipientListManager;
import com.herald.recipients.RecipientListPage;
import com.herald.recipients.RecipientListProblem;
import com.herald.recipients.RecipientListUsage;
import com.herald.recipients.RecipientLists;
import com.herald.recipients.RecipientStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class RecipientListService implements RecipientLists, RecipientListManager {

    private final RecipientListRepository repository;
    private final TeamAccess access;
    private final Supplier<List<RecipientListUsage>> usages;

    private final AuditLog audit;

    @Autowired
    RecipientListService(
            RecipientListRepository repository,
            TeamAccess access,
            ObjectProvider<RecipientListUsage> usages,
            AuditLog audit) {
        this(repository, access, () -> usages.orderedStream().toList(), audit);
    }

    RecipientListService(
            RecipientListRepository repository, TeamAccess access, Supplier<List<RecipientListUsage>> usages) {
        this(repository, access, usages, null);
    }

    RecipientListService(
            RecipientListRepository repository,
            TeamAccess access,
            Supplier<List<RecipientListUsage>> usages,
            AuditLog audit) {
        this.repository = repository;
        this.access = access;
        this.usages = usages;
        this.audit = audit;
    }

    private void record(
            String action, UUID listId, UUID teamId, String name, Map<String, ?> before, Map<String, ?> after) {
        if (audit != null) {
            audit.record(AuditEvent.of(action, "recipient_list", listId, name)
                    .inTeam(teamId)
                    .withChanges(before, after));
        }
    }

    private static Map<String, Object> snapshot(RecipientList list) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("name", list.name());
        values.put("description", list.description());
        values.put("members", list.members().size());
        return values;
    }

    // --- RecipientLists: for other modules, no user involved

    @Override
    @Transactional(readOnly = true)
    public Optional<RecipientList> find(UUID listId) {
        return repository.find(listId).map(this::withMembers);
    }

    @Override
    public Optional<UUID> teamOf(UUID listId) {
        return repository.find(listId).map(RecipientListRepository.ListRow::teamId);
    }

    @Override
    public List<Recipient> members(UUID listId) {
        return repository.members(listId);
    }

    @Override
    public Map<UUID, List<Recipient>> membersOf(Collection<UUID> listIds) {
        return repository.membersOf(listIds);
    }

    @Override
    @Transactional
    public boolean setStatus(UUID listId, String email, RecipientStatus status) {
        if (email == null || status == null) {
            return false;
        }
        Instant now = Instant.now();
        boolean changed = repository.setStatus(listId, email.strip(), status, now) > 0;
        if (changed) {
            repository.touch(listId, now);
        }
        return changed;
    }

    // --- RecipientListManager: a user's view, with the rules of product.md §2

    @Override
    public RecipientListPage search(HeraldUser user, UUID teamId, String query, int limit, int offset) {
        Set<UUID> teams = user.systemAdmin() ? null : visibleTeamIds(user);
        if (teamId != null && teams != null && !teams.contains(teamId)) {
            return new RecipientListPage(List.of(), 0);
        }
        return new RecipientListPage(
                repository.search(teams, teamId, query, limit, offset), repository.count(teams, teamId, query));
    }

    @Override
    @Transactional(readOnly = true)
    public RecipientList get(HeraldUser user, UUID listId) {
        return withMembers(visible(user, listId));
    }

    @Override
    @Transactional
    public RecipientList create(HeraldUser user, RecipientListDraft draft) {
        List<RecipientListProblem> problems = check(user, draft, true);
        if (!problems.isEmpty()) {
            throw RecipientListException.invalid(problems);
        }
        if (!access.canEdit(user, draft.teamId())) {
            throw RecipientListException.of(Kind.FORBIDDEN);
        }
        String name = clean(draft.name());
        if (repository.nameTaken(draft.teamId(), name, null)) {
            throw RecipientListException.of(Kind.DUPLICATE_NAME);
        }
        UUID id = Ids.newId();
        Instant now = Instant.now();
        try {
            repository.insert(id, draft.teamId(), name, blankToNull(draft.description()), now);
        } catch (DuplicateKeyException e) {
            throw RecipientListException.of(Kind.DUPLICATE_NAME);
        }
        repository.replaceMembers(id, dedupe(draft.members()), now);
        RecipientList created = withMembers(repository.find(id).orElseThrow());
        record("recipient_list.created", id, draft.teamId(), name, Map.of(), snapshot(created));
        return created;
    }

    @Override
    @Transactional
    public RecipientList update(HeraldUser user, UUID listId, RecipientListDraft draft, Integer expectedVersion) {
        RecipientListRepository.ListRow row = visible(user, listId);
        if (!access.canEdit(user, row.teamId())) {
            throw RecipientListException.of(Kind.FORBIDDEN);
        }
        List<RecipientListProblem> problems = new ArrayList<>(check(user, draft, false));
        if (draft.teamId() != null && !draft.teamId().equals(row.teamId())) {
            problems.add(RecipientListProblem.of("team_id", "recipients.team.fixed"));
        }
        if (!problems.isEmpty()) {
            throw RecipientListException.invalid(problems);
        }
        String name = clean(draft.name());
        Map<String, Object> beforeSnapshot =
                snapshot(withMembers(repository.find(listId).orElseThrow()));
        if (repository.nameTaken(row.teamId(), name, listId)) {
            throw RecipientListException.of(Kind.DUPLICATE_NAME);
        }
        Instant now = Instant.now();
        boolean saved;
        try {
            saved = repository.update(listId, name, blankToNull(draft.description()), expectedVersion, now);
        } catch (DuplicateKeyException e) {
            throw RecipientListException.of(Kind.DUPLICATE_NAME);
        }
        if (!saved) {
            throw RecipientListException.of(Kind.STALE);
        }
        if (draft.members() != null) {
            repository.replaceMembers(listId, dedupe(draft.members()), now);
        }
        RecipientList updated = withMembers(repository.find(listId).orElseThrow());
        record("recipient_list.updated", listId, row.teamId(), name, beforeSnapshot, snapshot(updated));
        return updated;
    }

    @Override
    @Transactional
    public void delete(HeraldUser user, UUID listId) {
        RecipientListRepository.ListRow row = visible(user, listId);
        if (!access.canEdit(user, row.teamId())) {
            throw RecipientListException.of(Kind.FORBIDDEN);
        }
        List<String> schedules = new ArrayList<>();
        for (RecipientListUsage usage : usages.get()) {
            schedules.addAll(usage.scheduleNamesUsing(listId));
        }
        if (!schedules.isEmpty()) {
            throw RecipientListException.inUse(
                    schedules.stream().distinct().sorted().toList());
        }
        repository.delete(listId);
        record("recipient_list.deleted", listId, row.teamId(), row.name(), Map.of(), Map.of());
    }

    @Override
    public List<RecipientListProblem> check(HeraldUser user, RecipientListDraft draft, boolean creating) {
        List<RecipientListProblem> problems = new ArrayList<>();
        if (creating) {
            if (draft.teamId() == null) {
                problems.add(RecipientListProblem.of("team_id", "recipients.team.required"));
            } else if (!visibleTeamIds(user).contains(draft.teamId())) {
                problems.add(RecipientListProblem.of("team_id", "recipients.team.unknown"));
            }
        }
        String name = clean(draft.name());
        if (name == null || name.isEmpty()) {
            problems.add(RecipientListProblem.of("name", "recipients.name.required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(RecipientListProblem.of("name", "recipients.name.size", MAX_NAME));
        } else if (EmailSyntax.hasControl(name)) {
            problems.add(RecipientListProblem.of("name", "recipients.name.control"));
        }
        String description = draft.description();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add(RecipientListProblem.of("description", "recipients.description.size", MAX_DESCRIPTION));
        }
        if (draft.members() != null) {
            problems.addAll(checkMembers(draft.members()));
        }
        return problems;
    }

    private static List<RecipientListProblem> checkMembers(List<RecipientInput> members) {
        List<RecipientListProblem> problems = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            RecipientInput m = members.get(i);
            String field = "members[" + i + "]";
            if (m == null || m.email() == null || m.email().isBlank()) {
                problems.add(RecipientListProblem.of(field + ".email", "recipients.member.required"));
            } else if (EmailSyntax.hasLineBreak(m.email())) {
                problems.add(RecipientListProblem.of(field + ".email", "recipients.member.lineBreak"));
            } else if (!EmailSyntax.isValid(m.email().strip())) {
                problems.add(RecipientListProblem.of(field + ".email", "recipients.member.invalid", m.email()));
            }
            if (m != null && m.name() != null) {
                if (EmailSyntax.hasControl(m.name())) {
                    problems.add(RecipientListProblem.of(field + ".name", "recipients.member.nameControl"));
                } else if (m.name().strip().length() > MAX_MEMBER_NAME) {
                    problems.add(
                            RecipientListProblem.of(field + ".name", "recipients.member.nameSize", MAX_MEMBER_NAME));
                }
            }
        }
        if (problems.isEmpty()) {
            int distinct = dedupe(members).size();
            if (distinct > MAX_MEMBERS) {
                problems.add(RecipientListProblem.of("members", "recipients.members.tooMany", distinct, MAX_MEMBERS));
            }
        }
        return problems;
    }

    /** The first of each address (ignoring case), trimmed, in order. */
    static List<RecipientInput> dedupe(List<RecipientInput> members) {
        Set<String> seen = new HashSet<>();
        List<RecipientInput> out = new ArrayList<>();
        for (RecipientInput m : members) {
            String email = m.email().strip();
            if (seen.add(email.toLowerCase(Locale.ROOT))) {
                String name =
                        m.name() == null || m.name().isBlank() ? null : m.name().strip();
                out.add(new RecipientInput(email, name));
            }
        }
        return out;
    }

    private RecipientListRepository.ListRow visible(HeraldUser user, UUID listId) {
        RecipientListRepository.ListRow row =
                repository.find(listId).orElseThrow(() -> RecipientListException.of(Kind.NOT_FOUND));
        if (!access.canView(user, row.teamId())) {
            throw RecipientListException.of(Kind.NOT_FOUND);
        }
        return row;
    }

    private Set<UUID> visibleTeamIds(HeraldUser user) {
        Set<UUID> ids = new HashSet<>();
        for (TeamSummary team : access.visibleTeams(user)) {
            ids.add(team.id());
        }
        return ids;
    }

    private RecipientList withMembers(RecipientListRepository.ListRow row) {
        return new RecipientList(
                row.id(),
                row.teamId(),
                row.name(),
                row.description(),
                repository.members(row.id()),
                row.createdAt(),
                row.updatedAt(),
                row.version());
    }

    private static String clean(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
