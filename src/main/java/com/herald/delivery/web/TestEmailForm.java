package com.herald.delivery.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record TestEmailForm(
        @NotBlank(message = "{validation.email.required}")
        @Size(max = 254, message = "{validation.email.size}")
        @Pattern(regexp = "[^\\r\\n]*", message = "{validation.email.newline}")
        @Email(message = "{validation.email.invalid}")
        String recipient) {}
