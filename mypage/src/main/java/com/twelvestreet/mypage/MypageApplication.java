package com.twelvestreet.mypage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MypageApplication {

    public static void main(String[] args) {
        SpringApplication.run(MypageApplication.class, args);
    }
}
