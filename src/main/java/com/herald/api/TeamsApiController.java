package com.herald.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.herald.identity.HeraldUser;
import com.herald.identity.Member;
import com.herald.identity.Team;
import com.herald.identity.TeamRole;
import com.herald.identity.TeamService;
import com.herald.platform.Forms;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@Tag(name = "Teams", description = "Provisioning: teams and their members")
@RestController
@RequestMapping("/api/v1/teams")
class TeamsApiController {

    record TeamResource(
            String object,
            UUID id,
            String name,
            String slug,
            long memberCount,
            Instant createdAt,
            Instant updatedAt,
            @JsonProperty("_links") Map<String, Map<String, String>> links) {

        static TeamResource of(Team t) {
            String self = "/api/v1/teams/" + t.id();
            return new TeamResource(
                    "team",
                    t.id(),
                    t.name(),
                    t.slug(),
                    t.memberCount(),
                    t.createdAt(),
                    t.updatedAt(),
                    Map.of("self", Map.of("href", self), "members", Map.of("href", self + "/members")));
        }
    }

    record MemberResource(
            String object, UUID userId, String email, String name, TeamRole role, boolean pending, Instant since) {

        static MemberResource of(Member m) {
            return new MemberResource("membership", m.userId(), m.email(), m.name(), m.role(), m.pending(), m.since());
        }
    }

    private final TeamService teams;

    TeamsApiController(TeamService teams) {
        this.teams = teams;
    }

    @GetMapping
    ApiList<TeamResource> list(
            @AuthenticationPrincipal HeraldUser caller,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "25") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        ApiList.checkPaging(limit, offset);
        return ApiList.of(
                teams.list(caller, q, limit, offset).stream()
                        .map(TeamResource::of)
                        .toList(),
                teams.count(caller, q),
                limit,
                offset);
    }

    @PostMapping
    ResponseEntity<TeamResource> create(@AuthenticationPrincipal HeraldUser caller, @RequestBody JsonNode json) {
        ApiBody body = ApiBody.of(
                json, Set.of("name"), Set.of("id", "object", "slug", "created_at", "updated_at", "member_count"));
        String name = body.string("name", true);
        body.throwIfInvalid();
        Team team = teams.create(caller, name);
        return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(TeamResource.of(team));
    }

    @GetMapping("/{id}")
    TeamResource get(@AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id) {
        return TeamResource.of(teams.get(caller, id));
    }

    /** Any other body type: 415, not the /api/** fallback's 404 (found by ApiFuzzIT). */
    @Hidden
    @PatchMapping("/{id}")
    void unsupportedPatch() {
        throw ApiException.unsupportedMediaType("Send the patch as application/json or application/merge-patch+json");
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/json", "application/merge-patch+json"})
    TeamResource update(@AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id, @RequestBody JsonNode json) {
        ApiBody body = ApiBody.of(
                json, Set.of("name"), Set.of("id", "object", "slug", "created_at", "updated_at", "member_count"));
        String name = body.string("name", false);
        body.throwIfInvalid();
        Team team = name == null ? teams.get(caller, id) : teams.rename(caller, id, name);
        return TeamResource.of(team);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id) {
        teams.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/members")
    ApiList<MemberResource> members(@AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id) {
        var members = teams.members(caller, id).stream().map(MemberResource::of).toList();
        return ApiList.of(members, members.size(), Math.max(1, members.size()), 0);
    }

    @PutMapping("/{id}/members/{userId}")
    MemberResource putMember(
            @AuthenticationPrincipal HeraldUser caller,
            @PathVariable UUID id,
            @PathVariable UUID userId,
            @RequestBody JsonNode json) {
        ApiBody body =
                ApiBody.of(json, Set.of("role"), Set.of("user_id", "email", "name", "object", "pending", "since"));
        String role = body.string("role", true);
        TeamRole parsed = null;
        if (role != null) {
            try {
                parsed = TeamRole.valueOf(role);
            } catch (IllegalArgumentException e) {
                body.error("role", "must be one of TEAM_ADMIN, EDITOR, VIEWER");
            }
        }
        body.throwIfInvalid();
        return MemberResource.of(teams.changeRole(caller, id, userId, parsed));
    }

    @DeleteMapping("/{id}/members/{userId}")
    ResponseEntity<Void> removeMember(
            @AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id, @PathVariable UUID userId) {
        teams.removeMember(caller, id, userId);
        return ResponseEntity.noContent().build();
    }

    static String baseUrl() {
        return Forms.baseUrl();
    }
}
