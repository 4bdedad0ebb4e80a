package com.twelvestreet.oauth.account;

import java.util.UUID;

import com.twelvestreet.platform.problem.ResourceNotFoundException;

public class AccountNotFoundException extends ResourceNotFoundException {

    public AccountNotFoundException(UUID id) {
        super("Account", id);
    }
}
