package com.twelvestreet.oauth.demo;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import com.twelvestreet.oauth.account.AccountRepository;
import com.twelvestreet.oauth.account.Accounts;
import com.twelvestreet.oauth.account.Address;
import com.twelvestreet.oauth.account.Role;
import com.twelvestreet.oauth.account.SignUp;

/** A demo shopper and a demo admin, created in the demo profile only (credentials in application-demo.yml). */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@EnableConfigurationProperties(DemoAccounts.Settings.class)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Settings settings;
    private final Accounts accounts;
    private final AccountRepository repository;

    DemoAccounts(Settings settings, Accounts accounts, AccountRepository repository) {
        this.settings = settings;
        this.accounts = accounts;
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Demo demo : settings.accounts()) {
            if (!repository.existsByEmail(demo.email())) {
                accounts.open(new SignUp(demo.email(), demo.password(), demo.nickname(),
                        new Address(demo.postalCode(), demo.addressLine())), demo.roles());
                log.info("Demo account {} created with roles {}", demo.email(), demo.roles());
            }
        }
    }

    @ConfigurationProperties("twelvestreet.demo")
    record Settings(List<Demo> accounts) {
    }

    record Demo(String email, String password, String nickname, String postalCode, String addressLine, Set<Role> roles) {
    }
}
