package com.herald.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.herald.identity.ApiKey;
import com.herald.identity.ApiKeyService;
import com.herald.identity.HeraldUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The caller's own API keys; a system admin may create one for another user (a service account). */
@Tag(name = "API keys", description = "The caller's API keys")
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeysApiController {

    record ApiKeyResource(
            String object,
            UUID id,
            UUID userId,
            String name,
            String prefix,
            List<String> scopes,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

        static ApiKeyResource of(ApiKey k, String secret) {
            return new ApiKeyResource(
                    "api_key",
                    k.id(),
                    k.userId(),
                    k.name(),
                    k.prefix(),
                    k.scopes(),
                    k.createdAt(),
                    k.lastUsedAt(),
                    k.revokedAt(),
                    secret);
        }
    }

    private final ApiKeyService keys;

    ApiKeysApiController(ApiKeyService keys) {
        this.keys = keys;
    }

    @GetMapping
    ApiList<ApiKeyResource> list(@AuthenticationPrincipal HeraldUser caller) {
        List<ApiKeyResource> data =
                keys.list(caller).stream().map(k -> ApiKeyResource.of(k, null)).toList();
        return ApiList.of(data, data.size(), Math.max(1, data.size()), 0);
    }

    @PostMapping
    ResponseEntity<ApiKeyResource> create(@AuthenticationPrincipal HeraldUser caller, @RequestBody JsonNode json) {
        ApiBody body = ApiBody.of(
                json,
                Set.of("name", "scopes", "user_id"),
                Set.of("object", "id", "prefix", "created_at", "last_used_at", "revoked_at", "secret"));
        String name = body.string("name", true);
        List<String> scopes = body.strings("scopes", true);
        UUID userId = body.uuid("user_id");
        body.throwIfInvalid();
        ApiKeyService.CreatedKey created = keys.create(caller, userId, name, new LinkedHashSet<>(scopes));
        return ResponseEntity.created(
                        URI.create("/api/v1/api-keys/" + created.key().id()))
                .body(ApiKeyResource.of(created.key(), created.secret()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id) {
        keys.revoke(caller, id);
        return ResponseEntity.noContent().build();
    }
}
