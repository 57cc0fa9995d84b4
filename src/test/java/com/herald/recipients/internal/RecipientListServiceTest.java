package com.herald.recipients.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamAccess;
import com.herald.identity.TeamRole;
import com.herald.identity.TeamSummary;
import com.herald.recipients.RecipientInput;
import com.herald.recipients.RecipientListDraft;
import com.herald.recipients.RecipientListException;
import com.herald.recipients.RecipientListProblem;
import com.herald.recipients.RecipientListUsage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecipientListServiceTest {

    private final UUID teamId = UUID.randomUUID();
    private final UUID listId = UUID.randomUUID();
    private final HeraldUser editor =
            new HeraldUser(UUID.randomUUID(), "e@example.com", "Editor", null, false, true, false, "UTC", "en");
    private final RecipientListRepository repository = mock(RecipientListRepository.class);

    /** TeamAccess with the editor as EDITOR of the one team. */
    private final TeamAccess access = new TeamAccess() {
        @Override
        public Optional<TeamRole> roleIn(HeraldUser user, UUID team) {
            return team.equals(teamId) ? Optional.of(TeamRole.EDITOR) : Optional.empty();
        }

        @Override
        public List<TeamSummary> visibleTeams(HeraldUser user) {
            return List.of(new TeamSummary(teamId, "Team", "team", TeamRole.EDITOR));
        }
    };

    private RecipientListService service(RecipientListUsage... usages) {
        when(repository.find(listId))
                .thenReturn(Optional.of(new RecipientListRepository.ListRow(
                        listId, teamId, "Sales", null, Instant.now(), Instant.now(), 0)));
        return new RecipientListService(repository, access, () -> List.of(usages));
    }

    @Test
    void deletingAListInUseIsRefusedNamingEverySchedule() {
        RecipientListUsage schedules = id -> id.equals(listId) ? List.of("Weekly sales", "Daily EMEA") : List.of();
        RecipientListUsage more = id -> List.of("Monthly board pack", "Daily EMEA");
        RecipientListService service = service(schedules, more);

        assertThatThrownBy(() -> service.delete(editor, listId))
                .isInstanceOfSatisfying(RecipientListException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RecipientListException.Kind.IN_USE);
                    assertThat(e.scheduleNames()).containsExactly("Daily EMEA", "Monthly board pack", "Weekly sales");
                });
        verify(repository, never()).delete(any());
    }

    @Test
    void deletingAnUnusedListDeletesIt() {
        RecipientListService service = service(id -> List.of());
        service.delete(editor, listId);
        verify(repository).delete(listId);
    }

    @Test
    void withNoUsageBeansDeletionSucceeds() {
        RecipientListService service = service();
        service.delete(editor, listId);
        verify(repository).delete(listId);
    }

    @Test
    void aListOfAnotherTeamIsNotFoundEvenForDeletion() {
        RecipientListService service = service();
        HeraldUser stranger =
                new HeraldUser(UUID.randomUUID(), "s@example.com", "S", null, false, true, false, "UTC", "en");
        TeamAccess none = new TeamAccess() {
            @Override
            public Optional<TeamRole> roleIn(HeraldUser user, UUID team) {
                return Optional.empty();
            }

            @Override
            public List<TeamSummary> visibleTeams(HeraldUser user) {
                return List.of();
            }
        };
        RecipientListService strangers = new RecipientListService(repository, none, List::of);
        assertThatThrownBy(() -> strangers.delete(stranger, listId))
                .isInstanceOfSatisfying(RecipientListException.class, e -> assertThat(e.kind())
                        .isEqualTo(RecipientListException.Kind.NOT_FOUND));
        assertThat(service).isNotNull();
    }

    @Test
    void checkListsEveryBrokenMemberAndTheLimit() {
        RecipientListService service = service();
        List<RecipientListProblem> problems = service.check(
                editor,
                new RecipientListDraft(
                        teamId,
                        " ",
                        "d".repeat(1001),
                        List.of(
                                new RecipientInput("ok@example.com", null),
                                new RecipientInput("bad@", null),
                                new RecipientInput("x@example.com\r\nBcc: y@example.com", null),
                                new RecipientInput(null, "No Address"))),
                true);
        assertThat(problems)
                .extracting(RecipientListProblem::field)
                .containsExactly("name", "description", "members[1].email", "members[2].email", "members[3].email");

        List<RecipientInput> many = IntStream.range(0, 1001)
                .mapToObj(i -> new RecipientInput("u" + i + "@example.com", null))
                .toList();
        assertThat(service.check(editor, new RecipientListDraft(teamId, "Big", null, many), true))
                .extracting(RecipientListProblem::code)
                .containsExactly("recipients.members.tooMany");
    }
}
