package com.twelvestreet.oauth.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, UUID> {

    Optional<Account> findByEmail(String normalizedEmail);

    boolean existsByEmail(String normalizedEmail);
}
