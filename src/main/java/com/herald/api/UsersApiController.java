package com.herald.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.herald.identity.AccountService;
import com.herald.identity.HeraldUser;
import com.herald.identity.UserAccount;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Users, for system administrators only. */
@Tag(name = "Users", description = "Provisioning: users (system admins)")
@RestController
@RequestMapping("/api/v1/users")
class UsersApiController {

    private static final Set<String> READ_ONLY = Set.of(
            "object", "id", "status", "last_login_at", "created_at", "updated_at", "locked", "password_set", "_links");

    private static final Set<String> PATCH_READ_ONLY = java.util.stream.Stream.concat(
                    READ_ONLY.stream(), Stream.of("email", "password", "invite"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    record UserResource(
            String object,
            UUID id,
            String email,
            String name,
            boolean systemAdmin,
            boolean enabled,
            boolean locked,
            boolean passwordSet,
            String timeZone,
            String locale,
            Instant lastLoginAt,
            Instant createdAt,
            Instant updatedAt,
            @JsonProperty("_links") Map<String, Map<String, String>> links) {

        static UserResource of(UserAccount u) {
            return new UserResource(
                    "user",
                    u.id(),
                    u.email(),
                    u.displayName(),
                    u.systemAdmin(),
                    u.enabled(),
                    u.locked(),
                    u.passwordSet(),
                    u.timeZone(),
                    u.locale(),
                    u.lastLoginAt(),
                    u.createdAt(),
                    u.updatedAt(),
                    Map.of("self", Map.of("href", "/api/v1/users/" + u.id())));
        }
    }

    private final AccountService accounts;

    UsersApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    ApiList<UserResource> list(
            @AuthenticationPrincipal HeraldUser caller,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "25") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        requireAdmin(caller);
        ApiList.checkPaging(limit, offset);
        return ApiList.of(
                accounts.search(q, limit, offset).stream().map(UserResource::of).toList(),
                accounts.count(q),
                limit,
                offset);
    }

    @PostMapping
    ResponseEntity<UserResource> create(@AuthenticationPrincipal HeraldUser caller, @RequestBody JsonNode json) {
        requireAdmin(caller);
        ApiBody body = ApiBody.of(
                json, Set.of("email", "name", "password", "invite", "system_admin", "time_zone", "locale"), READ_ONLY);
        String email = body.string("email", true);
        String name = body.string("name", true);
        String password = body.string("password", false);
        Boolean invite = body.bool("invite");
        Boolean admin = body.bool("system_admin");
        String zone = body.string("time_zone", false);
        String locale = body.string("locale", false);
        if (password == null && !Boolean.TRUE.equals(invite)) {
            body.error("password", "give a password, or \"invite\": true to email an invitation");
        }
        if (password != null && Boolean.TRUE.equals(invite)) {
            body.error("invite", "give either a password or \"invite\": true, not both");
        }
        body.throwIfInvalid();
        UserAccount created = accounts.create(
                new AccountService.NewUser(email, name, Boolean.TRUE.equals(admin), password, zone, locale),
                caller.email(),
                TeamsApiController.baseUrl());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(UserResource.of(created));
    }

    @GetMapping("/{id}")
    UserResource get(@AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id) {
        requireAdmin(caller);
        return UserResource.of(accounts.find(id).orElseThrow(ApiException::notFound));
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
    UserResource update(@AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id, @RequestBody JsonNode json) {
        requireAdmin(caller);
        UserAccount current = accounts.find(id).orElseThrow(ApiException::notFound);
        ApiBody body =
                ApiBody.of(json, Set.of("name", "system_admin", "enabled", "time_zone", "locale"), PATCH_READ_ONLY);
        String name = body.string("name", false);
        Boolean admin = body.bool("system_admin");
        Boolean enabled = body.bool("enabled");
        String zone = body.string("time_zone", false);
        String locale = body.string("locale", false);
        body.throwIfInvalid();
        return UserResource.of(accounts.update(
                id,
                new AccountService.UserChanges(
                        name != null ? name : current.displayName(),
                        admin != null ? admin : current.systemAdmin(),
                        enabled != null ? enabled : current.enabled(),
                        zone != null ? zone : current.timeZone(),
                        locale != null ? locale : current.locale()),
                caller));
    }

    /** Users are managed by system administrators; anyone else may not even list them. */
    private static void requireAdmin(HeraldUser caller) {
        if (!caller.systemAdmin()) {
            throw ApiException.forbidden("Only system administrators manage users");
        }
    }
}
