package com.twelvestreet.oauth.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.twelvestreet.oauth.account.SignUp;

/** A sign-up, from the API (JSON) or the sign-up page (form). */
record SignUpRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 10, max = 64, message = "must have 10 to 64 characters")
        @Pattern(regexp = "^(?=.*[A-Za-z])(?=.*[0-9]).*$", message = "must contain a letter and a digit")
        @MaxUtf8Bytes(72) String password,
        @NotBlank @Size(max = 40) String nickname,
        @Size(max = 10) @Pattern(regexp = "^[0-9-]*$", message = "must be digits") String postalCode,
        @Size(max = 200) String addressLine) {

    SignUpRequest {
        email = email == null ? null : email.strip(); // a stray blank from copy and paste is not an error
    }

    SignUp signUp() {
        return new SignUp(email, password, nickname, AddressFields.address(postalCode, addressLine));
    }
}
