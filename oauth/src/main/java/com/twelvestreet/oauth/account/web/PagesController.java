package com.twelvestreet.oauth.account.web;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import com.twelvestreet.oauth.account.AccountUser;
import com.twelvestreet.oauth.account.Accounts;
import com.twelvestreet.oauth.account.DuplicateEmailException;
import com.twelvestreet.oauth.config.OauthProperties;

/** The pages a person sees at the identity provider: login, sign-up, device activation. */
@Controller
class PagesController {

    private final Accounts accounts;
    private final OauthProperties properties;

    PagesController(Accounts accounts, OauthProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @ModelAttribute("shopUrl")
    String shopUrl() {
        return properties.shopUrl();
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/signup")
    String signUpPage(Model model) {
        model.addAttribute("form", new SignUpRequest("", "", "", "", ""));
        return "signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignUpRequest form, BindingResult errors) {
        if (errors.hasErrors()) {
            return "signup";
        }
        try {
            accounts.signUp(form.signUp());
        }
        catch (DuplicateEmailException ex) {
            errors.rejectValue("email", "duplicate", ex.getMessage());
            return "signup";
        }
        return "redirect:/login?signedUp";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal AccountUser user, Model model) {
        model.addAttribute("account", accounts.get(user.id()));
        return "home";
    }

    @GetMapping("/activate")
    String activate() {
        return "activate";
    }

    @GetMapping("/activated")
    String activated() {
        return "activated";
    }
}
