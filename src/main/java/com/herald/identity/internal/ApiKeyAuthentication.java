package com.herald.identity.internal;

import com.herald.identity.HeraldUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An API request authenticated by a key: the key's user, limited to the key's scopes. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final HeraldUser user;
    private final UUID keyId;

    ApiKeyAuthentication(HeraldUser user, UUID keyId, Set<String> scopes) {
        super(authorities(user, scopes));
        this.user = user;
        this.keyId = keyId;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(HeraldUser user, Set<String> scopes) {
        List<GrantedAuthority> all = new ArrayList<>(user.getAuthorities());
        scopes.forEach(scope -> all.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        return all;
    }

    UUID keyId() {
        return keyId;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public HeraldUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.email();
    }
}
