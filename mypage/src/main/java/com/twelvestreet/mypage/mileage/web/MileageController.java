package com.twelvestreet.mypage.mileage.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.twelvestreet.mypage.mileage.Mileage;

/** {@code GET /api/mypage/mileage}: my balance, the earning rate and the latest entries. */
@RestController
@Validated
class MileageController {

    private final Mileage mileage;

    MileageController(Mileage mileage) {
        this.mileage = mileage;
    }

    @GetMapping("/api/mypage/mileage")
    Mileage.Account mine(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, Authentication authentication) {
        return mileage.account(authentication.getName(), limit);
    }
}
