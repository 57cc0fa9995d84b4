package com.herald.api;

import com.herald.identity.HeraldUser;
import com.herald.identity.UserDirectory;
import com.herald.identity.UserSummary;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
class UsersApiController {

    record UserResource(
            String object,
            UUID id,
            String email,
            String name,
            boolean systemAdmin,
            boolean enabled,
            String timeZone,
            String locale,
            Instant lastLoginAt,
            Instant createdAt) {

        static UserResource of(UserSummary u) {
            return new UserResource(
                    "user",
                    u.id(),
                    u.email(),
                    u.displayName(),
                    u.systemAdmin(),
                    u.enabled(),
                    u.timeZone(),
                    u.locale(),
                    u.lastLoginAt(),
                    u.createdAt());
        }
    }

    private final UserDirectory users;

    UsersApiController(UserDirectory users) {
        this.users = users;
    }

    @GetMapping
    ApiList<UserResource> list(
            @AuthenticationPrincipal HeraldUser caller,
            @RequestParam(defaultValue = "25") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        if (!caller.systemAdmin()) {
            throw ApiException.forbidden("Only system administrators manage users");
        }
        ApiList.checkPaging(limit, offset);
        return ApiList.of(
                users.list(limit, offset).stream().map(UserResource::of).toList(), users.count(), limit, offset);
    }
}
