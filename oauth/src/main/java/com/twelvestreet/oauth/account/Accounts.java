package com.twelvestreet.oauth.account;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening accounts and keeping their profiles. */
@Service
@Transactional
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Accounts(AccountRepository accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A shopper signs up: the account gets the CUSTOMER role, never more. */
    public Account signUp(SignUp signUp) {
        return open(signUp, Set.of(Role.CUSTOMER));
    }

    public Account open(SignUp signUp, Set<Role> roles) {
        if (accounts.existsByEmail(Account.normalize(signUp.email()))) {
            throw new DuplicateEmailException();
        }
        Account account = Account.open(signUp.email(), passwords.encode(signUp.password()), signUp.nickname(),
                signUp.address(), roles, clock.instant());
        try {
            return accounts.saveAndFlush(account);
        }
        catch (DataIntegrityViolationException ex) {
            throw new DuplicateEmailException(); // the same email signed up at the same moment
        }
    }

    @Transactional(readOnly = true)
    public Account get(UUID id) {
        return accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
    }

    public Account updateProfile(UUID id, String nickname, Address address) {
        Account account = get(id);
        account.describe(nickname, address, clock.instant());
        return account;
    }
}
