package com.twelvestreet.oauth.account.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.twelvestreet.oauth.account.Accounts;

/** Sign-up for anyone; the profile only for its owner, who is whoever the bearer token says. */
@RestController
@RequestMapping("/api/accounts")
class AccountApiController {

    private final Accounts accounts;

    AccountApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    ResponseEntity<ProfileView> signUp(@Valid @RequestBody SignUpRequest request) {
        ProfileView created = new ProfileView(accounts.signUp(request.signUp()));
        return ResponseEntity.created(URI.create("/api/accounts/me")).body(created);
    }

    @GetMapping("/me")
    ProfileView me(@AuthenticationPrincipal Jwt token) {
        return new ProfileView(accounts.get(UUID.fromString(token.getSubject())));
    }

    @PutMapping("/me")
    ProfileView update(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfileUpdateRequest request) {
        return new ProfileView(accounts.updateProfile(UUID.fromString(token.getSubject()), request.nickname(),
                AddressFields.address(request.postalCode(), request.addressLine())));
    }
}
