package com.herald.delivery.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** HERALD_MAIL_FROM: the sender of every email Herald sends. */
@ConfigurationProperties("herald.mail")
record MailProperties(
        @DefaultValue("Herald <herald@localhost>") String from) {}
