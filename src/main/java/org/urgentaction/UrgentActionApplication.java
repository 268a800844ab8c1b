package org.urgentaction;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling // expired rate-limit buckets are removed every minute
public class UrgentActionApplication {

    public static void main(String[] args) {
        SpringApplication.run(UrgentActionApplication.class, args);
    }
}
