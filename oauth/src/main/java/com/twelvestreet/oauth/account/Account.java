package com.twelvestreet.oauth.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A shopper's or an admin's account. The id is what every token carries as {@code sub} and what
 * other services store as the customer; the email is for logging in and may not be reused.
 */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    private UUID id;

    private String email;

    private String passwordHash;

    private String nickname;

    private String postalCode;

    private String addressLine;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_roles", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected Account() {
    }

    public static Account open(String email, String passwordHash, String nickname, Address address, Set<Role> roles,
            Instant now) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.email = normalize(email);
        account.passwordHash = passwordHash;
        account.roles = EnumSet.copyOf(roles);
        account.describe(nickname, address, now);
        account.createdAt = now;
        return account;
    }

    public void describe(String nickname, Address address, Instant now) {
        if (nickname == null || nickname.isBlank()) {
            throw new IllegalArgumentException("An account needs a nickname");
        }
        this.nickname = nickname.strip();
        this.postalCode = address == null ? null : address.postalCode();
        this.addressLine = address == null ? null : address.line();
        this.updatedAt = now;
    }

    /** Emails compare without case and surrounding blanks: {@code " Kim@Example.com"} is {@code kim@example.com}. */
    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getNickname() {
        return nickname;
    }

    public Address getAddress() {
        return postalCode == null && addressLine == null ? null : new Address(postalCode, addressLine);
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
