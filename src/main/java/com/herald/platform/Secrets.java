package com.herald.platform;

import java.security.SecureRandom;

/** Random secrets: generated passwords, API keys. */
public final class Secrets {

    /** Letters and digits without the look-alikes (0/O, 1/l/I), for secrets a person may have to type. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** {@code length} random characters; 32 of them carry about 185 bits. */
    public static String random(int length) {
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }
}
