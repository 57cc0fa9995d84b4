package com.herald.web;

import com.herald.identity.HeraldUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The signed-in user's language from their profile; before sign-in, the browser's. */
@Component("localeResolver")
class UserLocaleResolver implements LocaleResolver {

    private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

    UserLocaleResolver() {
        browser.setSupportedLocales(List.of(Locale.ENGLISH, Locale.GERMAN));
        browser.setDefaultLocale(Locale.ENGLISH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof HeraldUser user && user.locale() != null) {
            return Locale.forLanguageTag(user.locale());
        }
        return browser.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language is set in the profile");
    }
}
