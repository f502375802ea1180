package org.sohbet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SohbetApplication {

    public static void main(String[] args) {
        SpringApplication.run(SohbetApplication.class, args);
    }
}
