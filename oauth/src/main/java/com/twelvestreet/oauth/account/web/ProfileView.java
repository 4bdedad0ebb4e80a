package com.twelvestreet.oauth.account.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.twelvestreet.oauth.account.Account;

/** An account as its owner sees it: never the password hash. */
record ProfileView(UUID id, String email, String nickname, String postalCode, String addressLine, List<String> roles,
        Instant createdAt) {

    ProfileView(Account account) {
        this(account.getId(), account.getEmail(), account.getNickname(),
                account.getAddress() == null ? null : account.getAddress().postalCode(),
                account.getAddress() == null ? null : account.getAddress().line(),
                account.getRoles().stream().map(Enum::name).sorted().toList(), account.getCreatedAt());
    }
}
