package com.twelvestreet.oauth.account;

/** What someone states to open an account. */
public record SignUp(String email, String password, String nickname, Address address) {
}
