package com.twelvestreet.oauth.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a shopper may change about themselves (email and roles are not among it). */
record ProfileUpdateRequest(
        @NotBlank @Size(max = 40) String nickname,
        @Size(max = 10) @Pattern(regexp = "^[0-9-]*$", message = "must be digits") String postalCode,
        @Size(max = 200) String addressLine) {
}
