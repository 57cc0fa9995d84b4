package com.herald.identity;

import com.herald.identity.internal.ApiKeyRepository;
import com.herald.identity.internal.UserRepository;
import com.herald.platform.InvalidRequest;
import com.herald.platform.NotFoundException;
import com.herald.platform.Secrets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** API keys: the secret is shown once at creation and stored only as a hash. */
@Service
public class ApiKeyService {

    public static final Set<String> SCOPES = Set.of("read", "write");

    /** The key as stored, plus its secret: returned once, never again. */
    public record CreatedKey(ApiKey key, String secret) {}

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final AuditLog audit;

    ApiKeyService(ApiKeyRepository keys, UserRepository users, AuditLog audit) {
        this.keys = keys;
        this.users = users;
        this.audit = audit;
    }

    public List<ApiKey> list(HeraldUser caller) {
        return keys.listFor(caller.id());
    }

    /** Creates a key for the caller, or, for a system admin, for another user (a service account). */
    public CreatedKey create(HeraldUser caller, UUID forUser, String name, Set<String> scopes) {
        UUID owner = forUser == null ? caller.id() : forUser;
        if (!owner.equals(caller.id()) && !caller.systemAdmin()) {
            throw new AccessDeniedException("only system admins create keys for others");
        }
        UserAccount account =
                users.account(owner).orElseThrow(() -> InvalidRequest.of("user_id", "validation.user.unknown"));
        if (name == null
                || name.isBlank()
                || name.length() > 100
                || name.chars().anyMatch(Character::isISOControl)) {
            throw InvalidRequest.of("name", "validation.apiKey.name");
        }
        if (scopes == null || scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
            throw InvalidRequest.of("scopes", "validation.apiKey.scopes");
        }
        String secret = "hk_" + Secrets.random(40);
        Set<String> ordered = new LinkedHashSet<>();
        if (scopes.contains("read")) {
            ordered.add("read");
        }
        if (scopes.contains("write")) {
            ordered.add("write");
        }
        UUID id = keys.create(owner, name.trim(), secret, ordered);
        audit.record(AuditEvent.of("api_key.created", "api_key", id, name.trim())
                .withChanges(Map.of(), Map.of("owner", account.email(), "scopes", String.join(",", ordered))));
        return new CreatedKey(keys.find(id).orElseThrow(), secret);
    }

    public void revoke(HeraldUser caller, UUID keyId) {
        ApiKey key = keys.find(keyId).orElseThrow(NotFoundException::new);
        if (!key.userId().equals(caller.id()) && !caller.systemAdmin()) {
            throw new NotFoundException();
        }
        if (keys.revoke(keyId, key.userId())) {
            audit.record(AuditEvent.of("api_key.revoked", "api_key", keyId, key.name()));
        }
    }
}
