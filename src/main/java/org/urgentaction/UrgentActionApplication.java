package org.urgentaction;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling   // expired rate-limit buckets are removed, and reports rolled up, every ten seconds
public class UrgentActionApplication {

    public static void main(String[] args) {
        SpringApplication.run(UrgentActionApplication.class, args);
    }
}
