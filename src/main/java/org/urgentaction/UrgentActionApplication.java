package org.urgentaction;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class UrgentActionApplication {

    public static void main(String[] args) {
        SpringApplication.run(UrgentActionApplication.class, args);
    }
}
