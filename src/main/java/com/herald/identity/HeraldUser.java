package com.herald.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user, whether by session or API key; the rest of Herald reads identity from here. */
public final class HeraldUser implements UserDetails, CredentialsContainer {

    public static final String ROLE_USER = "ROLE_USER";
    public static final String ROLE_SYSTEM_ADMIN = "ROLE_SYSTEM_ADMIN";

    private final UUID id;
    private final String email;
    private final String displayName;
    private String passwordHash;
    private final boolean systemAdmin;
    private final boolean enabled;
    private final boolean locked;
    private final String timeZone;
    private final String locale;

    public HeraldUser(
            UUID id,
            String email,
            String displayName,
            String passwordHash,
            boolean systemAdmin,
            boolean enabled,
            boolean locked,
            String timeZone,
            String locale) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.systemAdmin = systemAdmin;
        this.enabled = enabled;
        this.locked = locked;
        this.timeZone = timeZone;
        this.locale = locale;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public boolean systemAdmin() {
        return systemAdmin;
    }

    public String timeZone() {
        return timeZone;
    }

    public String locale() {
        return locale;
    }

    /** A copy without the password hash, safe to keep in a session or a security context. */
    public HeraldUser withoutCredentials() {
        return new HeraldUser(id, email, displayName, null, systemAdmin, enabled, locked, timeZone, locale);
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(ROLE_USER));
        if (systemAdmin) {
            authorities.add(new SimpleGrantedAuthority(ROLE_SYSTEM_ADMIN));
        }
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeraldUser other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "HeraldUser[" + email + "]";
    }
}
