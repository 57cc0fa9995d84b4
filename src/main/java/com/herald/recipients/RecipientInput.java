package com.herald.recipients;

/** An address to put in a list, as entered (pasted or sent to the API); the name may be null. */
public record RecipientInput(String email, String name) {}
