package com.twelvestreet.mypage.mileage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much mileage an order earns ({@code twelvestreet.mypage.mileage.percent}, 10 by default):
 * that share of the confirmed order's amount, rounded down to the won.
 */
@ConfigurationProperties("twelvestreet.mypage.mileage")
public record MileagePolicy(@DefaultValue("10") int percent) {

    public long earnedOn(long orderAmount) {
        return orderAmount * percent / 100;
    }
}
