package com.twelvestreet.oauth.account;

import java.util.UUID;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The logged-in account. Its name is the account id, so the tokens' {@code sub} is a stable id
 * rather than an email that may change.
 */
public class AccountUser extends User {

    private final UUID id;
    private final String email;

    AccountUser(Account account) {
        super(account.getId().toString(), account.getPasswordHash(),
                account.getRoles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.id = account.getId();
        this.email = account.getEmail();
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }
}
