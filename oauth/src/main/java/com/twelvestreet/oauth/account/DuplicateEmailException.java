package com.twelvestreet.oauth.account;

import com.twelvestreet.platform.problem.BusinessRuleViolationException;

public class DuplicateEmailException extends BusinessRuleViolationException {

    public DuplicateEmailException() {
        super("An account with this email already exists. Log in, or sign up with another email.");
    }
}
