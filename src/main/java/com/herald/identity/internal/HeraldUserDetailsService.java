package com.herald.identity.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class HeraldUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    HeraldUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return users.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @EventListener
    void onLogin(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof ApiKeyAuthentication)) {
            users.recordLogin(event.getAuthentication().getName());
        }
    }
}
